using System.Numerics;
using System.Text;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>How many bytes <see cref="WireWriter"/> takes for a value, for fields written after their length.</summary>
internal static class WireSize
{
    public static int VarUInt64(ulong value) => Math.Max(1, (64 - BitOperations.LeadingZeroCount(value) + 6) / 7);

    public static int VarInt64(long value) => VarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public static int String(string? value)
    {
        if (value is null) { return 1; }
        var count = Encoding.UTF8.GetByteCount(value);
        return VarUInt64((ulong)count + 1) + count;
    }

    public static int GrainId(GrainId id) => String(id.Type) + String(id.Key);

    public static int Silo(SiloAddress silo) => String(silo.Host) + VarInt64(silo.Port) + VarInt64(silo.Generation);
}
