using System.Runtime.CompilerServices;

namespace Rayswarm.Runtime.Core;

/// <summary>An enum as its underlying integer: a zigzag varint when signed, a plain varint when not.</summary>
internal sealed class EnumCodec<T> : ValueCodec<T> where T : struct, Enum
{
    private static readonly bool s_signed = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T))) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;

    public override void Write(ref WireWriter writer, T value, ValueSerializer serializer)
    {
        if (s_signed) { writer.WriteVarInt64(ToSigned(value)); }
        else { writer.WriteVarUInt64(ToUnsigned(value)); }
    }

    public override T Read(ref WireReader reader, ValueSerializer serializer) =>
        FromBits(s_signed ? (ulong)reader.ReadVarInt64() : reader.ReadVarUInt64());

    private static long ToSigned(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, sbyte>(ref value),
        2 => Unsafe.As<T, short>(ref value),
        4 => Unsafe.As<T, int>(ref value),
        _ => Unsafe.As<T, long>(ref value),
    };

    private static ulong ToUnsigned(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => Unsafe.As<T, byte>(ref value),
        2 => Unsafe.As<T, ushort>(ref value),
        4 => Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, ulong>(ref value),
    };

    /// <summary>Keeps the low bits of the value, which is what both signed and unsigned enums store.</summary>
    private static T FromBits(ulong bits)
    {
        var value = default(T);
        switch (Unsafe.SizeOf<T>())
        {
            case 1: Unsafe.As<T, byte>(ref value) = (byte)bits; break;
            case 2: Unsafe.As<T, ushort>(ref value) = (ushort)bits; break;
            case 4: Unsafe.As<T, uint>(ref value) = (uint)bits; break;
            default: Unsafe.As<T, ulong>(ref value) = bits; break;
        }
        return value;
    }
}
