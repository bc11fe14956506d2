namespace Rayswarm.Runtime.Core;

/// <summary>
/// Splits the 32-bit grain-hash space among active silos for reminder ownership: each silo takes 16 points on a ring
/// (hashes of its address) and owns the hashes from the previous point (exclusive) up to each of its points.
/// Adding or removing a silo moves only the ranges next to its points.
/// </summary>
internal static class ReminderRing
{
    private const int PointsPerSilo = 16;

    /// <summary>The inclusive hash ranges <paramref name="local"/> owns; a range with begin &gt; end wraps around.</summary>
    public static IReadOnlyList<(uint Begin, uint End)> OwnedRanges(SiloAddress local, IReadOnlyCollection<SiloAddress> active)
    {
        if (active.Count <= 1) { return [(0u, uint.MaxValue)]; }
        var points = active
            .SelectMany(s => Enumerable.Range(0, PointsPerSilo).Select(i => (Point: Hash($"{s}#{i}"), Silo: s)))
            .OrderBy(p => p.Point).ThenBy(p => p.Silo.ToString(), StringComparer.Ordinal)
            .ToList();
        var ranges = new List<(uint, uint)>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Silo != local) { continue; }
            var previous = points[(i - 1 + points.Count) % points.Count].Point;
            if (previous == points[i].Point) { continue; }
            ranges.Add((unchecked(previous + 1), points[i].Point));
        }
        return ranges;
    }

    /// <summary>Whether <paramref name="hash"/> lies in one of <paramref name="ranges"/>.</summary>
    public static bool Contains(IReadOnlyList<(uint Begin, uint End)> ranges, uint hash) =>
        ranges.Any(r => MemoryReminderTable.InRange(hash, r.Begin, r.End));

    private static uint Hash(string value)
    {
        var h = 2166136261u;
        foreach (var c in value) { h = (h ^ c) * 16777619u; }
        h ^= h >> 15;
        h *= 0x2c1b3c6dU;
        return h ^ (h >> 12);
    }
}
