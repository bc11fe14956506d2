using System.Buffers.Binary;
using System.Text;

namespace Rayswarm.Runtime.Core;

/// <summary>Reads what <see cref="WireWriter"/> writes. Truncated or malformed input throws <see cref="InvalidDataException"/>.</summary>
public ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public WireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Bytes read so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>One byte.</summary>
    public byte ReadByte()
    {
        if (_position >= _data.Length) { throw Truncated(); }
        return _data[_position++];
    }

    /// <summary>An unsigned varint.</summary>
    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) { return result; }
        }
        throw new InvalidDataException("A varint is longer than 10 bytes.");
    }

    /// <summary>An unsigned varint that must fit 32 bits.</summary>
    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw new InvalidDataException($"The varint {value} does not fit 32 bits.");
    }

    /// <summary>A zigzag varint.</summary>
    public long ReadVarInt64()
    {
        var value = ReadVarUInt64();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    /// <summary>A zigzag varint that must fit 32 bits.</summary>
    public int ReadVarInt32()
    {
        var value = ReadVarInt64();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new InvalidDataException($"The varint {value} does not fit 32 bits.");
    }

    /// <summary>A length or count written as a varint; at most <see cref="Remaining"/> when each item takes a byte or more.</summary>
    public int ReadLength()
    {
        var value = ReadVarUInt64();
        return value <= (ulong)Remaining ? (int)value : throw Truncated();
    }

    /// <summary>Four bytes, little-endian.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Eight bytes, little-endian.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>The next <paramref name="count"/> bytes, without copying.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if ((uint)count > (uint)Remaining) { throw Truncated(); }
        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    /// <summary>A string written by <see cref="WireWriter.WriteString"/>.</summary>
    public string? ReadString()
    {
        var prefix = ReadVarUInt64();
        if (prefix == 0) { return null; }
        if (prefix - 1 > (ulong)Remaining) { throw Truncated(); }
        return prefix == 1 ? string.Empty : Encoding.UTF8.GetString(ReadBytes((int)(prefix - 1)));
    }

    /// <summary>A string that must not be null.</summary>
    public string ReadRequiredString() => ReadString() ?? throw new InvalidDataException("A required string is null.");

    private static InvalidDataException Truncated() => new("The data ends before the value does.");
}
