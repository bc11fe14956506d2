using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Chooses the codec of each declared type once: a binary fast path where there is one, JSON otherwise.</summary>
internal static class ValueCodecs
{
    private static readonly ConcurrentDictionary<Type, ValueCodec> s_codecs = new();

    public static ValueCodec For(Type type) => s_codecs.GetOrAdd(type, static t => Create(t));

    /// <summary>Grain interfaces (markers included) and proxy classes: written as a grain id plus an interface name.</summary>
    public static bool IsGrainReferenceType(Type type) =>
        (type.IsInterface && typeof(IGrain).IsAssignableFrom(type)) || typeof(GrainReference).IsAssignableFrom(type);

    private static ValueCodec Create(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsByRef || type.IsPointer || type.ContainsGenericParameters || type == typeof(void))
        {
            throw new NotSupportedException($"{type} cannot be serialized.");
        }
        if (PrimitiveCodecs.TryGet(type, out var primitive)) { return primitive; }
        if (Nullable.GetUnderlyingType(type) is { } underlying) { return Make(typeof(NullableCodec<>), underlying); }
        if (type.IsEnum) { return Make(typeof(EnumCodec<>), type); }
        if (type == typeof(GrainId)) { return new GrainIdCodec(); }
        if (IsGrainReferenceType(type)) { return Make(typeof(GrainReferenceCodec<>), type); }
        return Make(typeof(JsonCodec<>), type);
    }

    private static ValueCodec Make(Type definition, Type argument) =>
        (ValueCodec)Activator.CreateInstance(definition.MakeGenericType(argument))!;
}

/// <summary>The codec of <typeparamref name="T"/>, looked up once per type.</summary>
internal static class ValueCodecs<T>
{
    public static readonly ValueCodec<T> Codec = (ValueCodec<T>)ValueCodecs.For(typeof(T));
}
