using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// Writes the read-only lists that C# collection expressions make as arrays, for calls between processes. Orleans has no
/// codec for these compiler-made types and does not remember that it found none, so every such list written probed all its
/// codecs again, with reflection (the same cost as <see cref="CollectionExpressionCopier"/> removes inside a silo). On the
/// wire the value is an ordinary <c>T[]</c>, which the reader's interface codec reads into the declared
/// <see cref="IReadOnlyList{T}"/>: nothing names the compiler's type, so the reader needs nothing of ours.
/// </summary>
internal sealed class CollectionExpressionCodec(IServiceProvider services) : ISpecializableCodec
{
    public bool IsSupportedType(Type type) => CollectionExpressionCopier.Handles(type);

    public IFieldCodec GetSpecializedCodec(Type type)
    {
        var element = type.GenericTypeArguments[0];
        var arrays = services.GetRequiredService<ICodecProvider>().GetCodec(element.MakeArrayType());
        return (IFieldCodec)Activator.CreateInstance(typeof(ArrayWriter<>).MakeGenericType(element), arrays)!;
    }

    private sealed class ArrayWriter<T>(IFieldCodec arrays) : IFieldCodec
    {
        private readonly IFieldCodec<T[]> _arrays = (IFieldCodec<T[]>)arrays;

        public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, object? value)
            where TBufferWriter : IBufferWriter<byte> =>
            _arrays.WriteField(ref writer, fieldIdDelta, expectedType, value is null ? null : [.. (IEnumerable<T>)value]);

        // Never named on the wire (written as T[]), so never read; answered for completeness.
        public object? ReadValue<TInput>(ref Reader<TInput> reader, Field field) => _arrays.ReadValue(ref reader, field);
    }
}
