using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Who probes whom: the monitored silos on a ring ordered by a stable hash of their addresses (the same on every silo
/// and in every process); each silo probes its next few successors, so every silo is watched by as many others.
/// </summary>
internal static class ProbeRing
{
    /// <summary>The statuses of silos that are probed: serving, or still serving while they shut down.</summary>
    public static bool IsMonitored(SiloStatus status) => status is SiloStatus.Active or SiloStatus.ShuttingDown;

    /// <summary>The stable hash of a silo (SHA-256 of its text form, first 8 bytes).</summary>
    public static ulong Hash(SiloAddress silo)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(silo.ToString()), digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>
    /// The up to <paramref name="count"/> successors of <paramref name="self"/> among the monitored silos of
    /// <paramref name="snapshot"/> (never <paramref name="self"/> itself), nearest first.
    /// </summary>
    public static IReadOnlyList<SiloAddress> Successors(MembershipSnapshot snapshot, SiloAddress self, int count)
    {
        var ring = snapshot.Entries
            .Where(e => IsMonitored(e.Status) && e.Silo != self)
            .Select(e => e.Silo)
            .Append(self)
            .Distinct()
            .Select(s => (Silo: s, Hash: Hash(s), Text: s.ToString()))
            .OrderBy(x => x.Hash).ThenBy(x => x.Text, StringComparer.Ordinal)
            .Select(x => x.Silo)
            .ToList();
        var at = ring.IndexOf(self);
        var successors = new List<SiloAddress>(Math.Min(count, ring.Count - 1));
        for (var step = 1; step < ring.Count && successors.Count < count; step++)
        {
            successors.Add(ring[(at + step) % ring.Count]);
        }

        return successors;
    }
}
