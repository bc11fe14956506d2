namespace Rayswarm.Runtime.Core;

/// <summary><see cref="Nullable{T}"/>: a presence byte, then the value as <typeparamref name="T"/> writes it.</summary>
internal sealed class NullableCodec<T> : ValueCodec<T?> where T : struct
{
    private readonly ValueCodec<T> _inner = (ValueCodec<T>)ValueCodecs.For(typeof(T));

    public override void Write(ref WireWriter writer, T? value, ValueSerializer serializer)
    {
        if (value is not { } present)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(1);
        _inner.Write(ref writer, present, serializer);
    }

    public override T? Read(ref WireReader reader, ValueSerializer serializer) => reader.ReadByte() switch
    {
        0 => null,
        1 => _inner.Read(ref reader, serializer),
        var b => throw new InvalidDataException($"Presence byte {b} is neither 0 nor 1."),
    };
}
