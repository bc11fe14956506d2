using System.Diagnostics.CodeAnalysis;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The binary fast paths. Integers are varints (zigzag when signed), floating point and decimal fixed-width
/// little-endian, <see cref="DateTime"/> its <see cref="DateTime.ToBinary"/> form (ticks and kind), a
/// <see cref="DateTimeOffset"/> its clock ticks plus its offset in minutes.
/// </summary>
internal static class PrimitiveCodecs
{
    private static readonly Dictionary<Type, ValueCodec> s_codecs = new ValueCodec[]
    {
        Of(static (ref WireWriter w, bool v) => w.WriteByte(v ? (byte)1 : (byte)0), static (ref WireReader r) => r.ReadByte() != 0),
        Of(static (ref WireWriter w, byte v) => w.WriteByte(v), static (ref WireReader r) => r.ReadByte()),
        Of(static (ref WireWriter w, sbyte v) => w.WriteByte((byte)v), static (ref WireReader r) => (sbyte)r.ReadByte()),
        Of(static (ref WireWriter w, short v) => w.WriteVarInt32(v), static (ref WireReader r) => checked((short)r.ReadVarInt32())),
        Of(static (ref WireWriter w, ushort v) => w.WriteVarUInt32(v), static (ref WireReader r) => checked((ushort)r.ReadVarUInt32())),
        Of(static (ref WireWriter w, int v) => w.WriteVarInt32(v), static (ref WireReader r) => r.ReadVarInt32()),
        Of(static (ref WireWriter w, uint v) => w.WriteVarUInt32(v), static (ref WireReader r) => r.ReadVarUInt32()),
        Of(static (ref WireWriter w, long v) => w.WriteVarInt64(v), static (ref WireReader r) => r.ReadVarInt64()),
        Of(static (ref WireWriter w, ulong v) => w.WriteVarUInt64(v), static (ref WireReader r) => r.ReadVarUInt64()),
        Of(static (ref WireWriter w, char v) => w.WriteVarUInt32(v), static (ref WireReader r) => checked((char)r.ReadVarUInt32())),
        Of(static (ref WireWriter w, float v) => w.WriteUInt32(BitConverter.SingleToUInt32Bits(v)), static (ref WireReader r) => BitConverter.UInt32BitsToSingle(r.ReadUInt32())),
        Of(static (ref WireWriter w, double v) => w.WriteUInt64(BitConverter.DoubleToUInt64Bits(v)), static (ref WireReader r) => BitConverter.UInt64BitsToDouble(r.ReadUInt64())),
        Of(WriteDecimal, ReadDecimal),
        Of(static (ref WireWriter w, string? v) => w.WriteString(v), static (ref WireReader r) => r.ReadString()),
        Of(WriteByteArray, ReadByteArray),
        Of(WriteGuid, static (ref WireReader r) => new Guid(r.ReadBytes(16))),
        Of(static (ref WireWriter w, DateTime v) => w.WriteUInt64((ulong)v.ToBinary()), static (ref WireReader r) => DateTime.FromBinary((long)r.ReadUInt64())),
        Of(WriteDateTimeOffset, ReadDateTimeOffset),
        Of(static (ref WireWriter w, TimeSpan v) => w.WriteVarInt64(v.Ticks), static (ref WireReader r) => new TimeSpan(r.ReadVarInt64())),
    }.ToDictionary(static c => c.ValueType);

    public static bool TryGet(Type type, [NotNullWhen(true)] out ValueCodec? codec) => s_codecs.TryGetValue(type, out codec);

    private static PrimitiveCodec<T> Of<T>(WireWrite<T> write, WireRead<T> read) => new(write, read);

    private static void WriteDecimal(ref WireWriter writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits) { writer.WriteUInt32((uint)part); }
    }

    private static decimal ReadDecimal(ref WireReader reader)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++) { bits[i] = (int)reader.ReadUInt32(); }
        try { return new decimal(bits); }
        catch (ArgumentException e) { throw new InvalidDataException("Malformed decimal.", e); }
    }

    private static void WriteByteArray(ref WireWriter writer, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteVarUInt32((uint)value.Length + 1);
        writer.WriteBytes(value);
    }

    private static byte[]? ReadByteArray(ref WireReader reader)
    {
        var prefix = reader.ReadVarUInt64();
        if (prefix == 0) { return null; }
        if (prefix - 1 > (ulong)reader.Remaining) { throw new InvalidDataException("The data ends before the byte array does."); }
        return reader.ReadBytes((int)(prefix - 1)).ToArray();
    }

    private static void WriteGuid(ref WireWriter writer, Guid value)
    {
        value.TryWriteBytes(writer.GetSpan(16));
        writer.Advance(16);
    }

    private static void WriteDateTimeOffset(ref WireWriter writer, DateTimeOffset value)
    {
        writer.WriteUInt64((ulong)value.Ticks);
        writer.WriteVarInt32((int)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    private static DateTimeOffset ReadDateTimeOffset(ref WireReader reader)
    {
        var clockTicks = (long)reader.ReadUInt64();
        var offset = TimeSpan.FromMinutes(reader.ReadVarInt32());
        try { return new DateTimeOffset(clockTicks, offset); }
        catch (ArgumentException e) { throw new InvalidDataException("Malformed DateTimeOffset.", e); }
    }
}

/// <summary>Writes one value of a fast-path type.</summary>
internal delegate void WireWrite<T>(ref WireWriter writer, T value);

/// <summary>Reads one value of a fast-path type.</summary>
internal delegate T WireRead<T>(ref WireReader reader);

/// <summary>A fast-path codec made of a write and a read function.</summary>
internal sealed class PrimitiveCodec<T>(WireWrite<T> write, WireRead<T> read) : ValueCodec<T>
{
    public override void Write(ref WireWriter writer, T value, ValueSerializer serializer) => write(ref writer, value);

    public override T Read(ref WireReader reader, ValueSerializer serializer) => read(ref reader);
}
