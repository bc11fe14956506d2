using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Chooses the silo for a grain's new activation among the silos that can host (active, not shutting down).</summary>
internal static class PlacementDirector
{
    public static SiloAddress Choose(PlacementStrategy strategy, GrainId grain, SiloAddress local, IReadOnlyList<SiloAddress> candidates, Func<SiloAddress, SiloLoad> load)
    {
        if (candidates.Count == 0) { throw new SiloUnavailableException($"No active silo can host {grain}."); }
        if (candidates.Count == 1) { return candidates[0]; }
        switch (strategy)
        {
            case PlacementStrategy.PreferLocal:
                return candidates.Contains(local) ? local : candidates[Random.Shared.Next(candidates.Count)];
            case PlacementStrategy.HashBased:
                return candidates.MaxBy(s => Mix(grain.StableHash(), s))!;
            case PlacementStrategy.ActivationCountBased:
            {
                var a = candidates[Random.Shared.Next(candidates.Count)];
                var b = candidates[Random.Shared.Next(candidates.Count)];
                return load(a).Activations <= load(b).Activations ? a : b;
            }
            case PlacementStrategy.ResourceOptimized:
            {
                var total = Math.Max(1, candidates.Sum(s => load(s).Activations));
                return candidates.MinBy(s =>
                {
                    var l = load(s);
                    return (0.4 * l.Cpu) + (0.4 * l.Memory) + (0.2 * l.Activations / total) + (Random.Shared.NextDouble() * 0.01);
                })!;
            }
            default:
                return candidates[Random.Shared.Next(candidates.Count)];
        }
    }

    /// <summary>Rendezvous hashing weight of a grain on a silo: stable for a given silo address.</summary>
    private static ulong Mix(uint grainHash, SiloAddress silo)
    {
        var h = 14695981039346656037UL ^ grainHash;
        foreach (var c in silo.ToString()) { h = (h ^ c) * 1099511628211UL; }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        return h ^ (h >> 33);
    }
}
