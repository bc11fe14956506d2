namespace Rayswarm.Runtime.Core;

/// <summary>Writes and reads values of one declared type; chosen once per type by <see cref="ValueCodecs"/>.</summary>
internal abstract class ValueCodec
{
    public abstract Type ValueType { get; }

    public abstract void WriteObject(ref WireWriter writer, object? value, ValueSerializer serializer);

    public abstract object? ReadObject(ref WireReader reader, ValueSerializer serializer);
}

/// <summary>The typed codec, so generic callers write and read without boxing.</summary>
internal abstract class ValueCodec<T> : ValueCodec
{
    public sealed override Type ValueType => typeof(T);

    public abstract void Write(ref WireWriter writer, T value, ValueSerializer serializer);

    public abstract T Read(ref WireReader reader, ValueSerializer serializer);

    public sealed override void WriteObject(ref WireWriter writer, object? value, ValueSerializer serializer)
    {
        var typed = value switch
        {
            T t => t,
            null when default(T) is null => default!,
            null => throw new ArgumentNullException(nameof(value), $"A null value cannot be written as {typeof(T)}."),
            _ => throw new InvalidCastException($"A {value.GetType()} cannot be written as {typeof(T)}."),
        };
        Write(ref writer, typed, serializer);
    }

    public sealed override object? ReadObject(ref WireReader reader, ValueSerializer serializer) => Read(ref reader, serializer);
}
