using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Writes wire primitives to an <see cref="IBufferWriter{T}"/>: LEB128 varints (zigzag for signed values), fixed-width
/// little-endian numbers, and strings as UTF-8 prefixed by varint (byte count + 1), where 0 stands for null. It
/// buffers in the output's current span; call <see cref="Commit"/> when done.
/// </summary>
public ref struct WireWriter
{
    private const int MinimumSpan = 256;
    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _buffered;
    private long _committed;

    /// <summary>Creates a writer that appends to <paramref name="output"/>.</summary>
    public WireWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _span = default;
        _buffered = 0;
        _committed = 0;
    }

    /// <summary>How many bytes this writer has written, committed or not.</summary>
    public readonly long BytesWritten => _committed + _buffered;

    /// <summary>Advances the output past everything written so far.</summary>
    public void Commit()
    {
        if (_buffered > 0) { _output.Advance(_buffered); }
        _committed += _buffered;
        _buffered = 0;
        _span = default;
    }

    /// <summary>One byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        _span[_buffered++] = value;
    }

    /// <summary>An unsigned varint: 7 bits per byte, low bits first, high bit set on all but the last byte.</summary>
    public void WriteVarUInt64(ulong value)
    {
        Ensure(10);
        var span = _span;
        var i = _buffered;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffered = i;
    }

    /// <summary>An unsigned varint.</summary>
    public void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    /// <summary>A zigzag varint, so small negative numbers stay short.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>A zigzag varint.</summary>
    public void WriteVarInt32(int value) => WriteVarInt64(value);

    /// <summary>Four bytes, little-endian.</summary>
    public void WriteUInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_span[_buffered..], value);
        _buffered += 4;
    }

    /// <summary>Eight bytes, little-endian.</summary>
    public void WriteUInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_span[_buffered..], value);
        _buffered += 8;
    }

    /// <summary>Raw bytes, no length.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            Ensure(1);
            var chunk = Math.Min(bytes.Length, _span.Length - _buffered);
            bytes[..chunk].CopyTo(_span[_buffered..]);
            _buffered += chunk;
            bytes = bytes[chunk..];
        }
    }

    /// <summary>A string: varint (UTF-8 byte count + 1), 0 for null, then the UTF-8 bytes.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)count + 1);
        Ensure(count);
        _buffered += Encoding.UTF8.GetBytes(value, _span[_buffered..]);
    }

    /// <summary>A contiguous span of at least <paramref name="size"/> bytes to write into; follow with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _span[_buffered..];
    }

    /// <summary>Marks <paramref name="count"/> bytes of the last <see cref="GetSpan"/> as written.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _span.Length - _buffered);
        _buffered += count;
    }

    private void Ensure(int size)
    {
        if (_span.Length - _buffered < size) { Grow(size); }
    }

    private void Grow(int size)
    {
        Commit();
        _span = _output.GetSpan(Math.Max(size, MinimumSpan));
        if (_span.Length < size) { throw new InvalidOperationException("The buffer writer returned a span smaller than requested."); }
    }
}
