using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Picks, for a workflow step that names a capability, one of the healthy registered domains offering it
/// (<see cref="RoutingStrategies"/>), and counts the calls in flight to each domain (from launch to answer: the time the
/// domain takes, not the time the workflow takes to record its transition, which is the same whichever domain is picked).
/// <para>The counts live in this process (one router per silo), not in a grain: power of two choices needs a cheap,
/// current load signal at every pick, and a grain would add a call per pick and per completion and become the one hot spot
/// every step goes through. Each silo sees only the calls it launched, as each of Ray Serve's routers sees only its own
/// requests; with workflows spread over the silos that is what the strategy needs (it stays within one call of balance
/// per silo). Round-robin turns are per silo too.</para>
/// <para>The candidates come from the registry's index partitions (ids, capabilities, health), read at most once per
/// <see cref="CandidatesFor"/> and again at once when a capability has no candidate, so a domain that just registered is
/// found; a domain turning unhealthy is dropped within that time.</para>
/// </summary>
public sealed class DomainRouter(IGrainFactory grains, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null)
{
    /// <summary>How long one reading of the registry's entries serves picks.</summary>
    public static readonly TimeSpan CandidatesFor = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _turns = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Reading? _last;

    private sealed record Reading(DateTimeOffset At, IReadOnlyList<RegistryEntry> Entries);

    /// <summary>The calls in flight to <paramref name="domainId"/> that this process launched.</summary>
    public int InFlight(string domainId) => _inFlight.TryGetValue(domainId, out var count) ? count : 0;

    /// <summary>Counts a call to <paramref name="domainId"/> as in flight until the lease is disposed.</summary>
    public DomainLease Track(string domainId)
    {
        _inFlight.AddOrUpdate(domainId, 1, static (_, count) => count + 1);
        return new DomainLease(domainId, () => _inFlight.AddOrUpdate(domainId, 0, static (_, count) => Math.Max(0, count - 1)));
    }

    /// <summary>Picks a healthy domain offering <paramref name="capability"/> by <paramref name="strategy"/> (default
    /// <see cref="RoutingStrategies.LeastLoaded"/>); null when no healthy domain offers it. The caller counts its call with
    /// <see cref="Track"/> once it is launched.</summary>
    public async Task<DomainRoute?> RouteAsync(string capability, string? strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(capability);
        var candidates = await CandidatesAsync(capability);
        if (candidates.Count == 0) { return null; }
        var chosen = (strategy ?? RoutingStrategies.LeastLoaded) switch
        {
            RoutingStrategies.RoundRobin => candidates[(int)((uint)_turns.AddOrUpdate(capability, 0, static (_, turn) => turn + 1) % candidates.Count)],
            RoutingStrategies.Random => candidates[System.Random.Shared.Next(candidates.Count)],
            RoutingStrategies.LeastLoaded => LeastLoadedOfTwo(candidates),
            _ => throw new ArgumentException($"strategy must be one of {string.Join(", ", RoutingStrategies.All)} (was '{strategy}').", nameof(strategy)),
        };
        return new DomainRoute(chosen, candidates);
    }

    /// <summary>Power of two choices: two distinct candidates at random, the one with fewer calls in flight (a tie at random).</summary>
    private string LeastLoadedOfTwo(IReadOnlyList<string> candidates)
    {
        if (candidates.Count == 1) { return candidates[0]; }
        var first = System.Random.Shared.Next(candidates.Count);
        var second = System.Random.Shared.Next(candidates.Count - 1);
        if (second >= first) { second++; }
        var (a, b) = (candidates[first], candidates[second]);
        var (loadA, loadB) = (InFlight(a), InFlight(b));
        return loadA < loadB ? a : loadB < loadA ? b : System.Random.Shared.Next(2) == 0 ? a : b;
    }

    private async Task<IReadOnlyList<string>> CandidatesAsync(string capability)
    {
        var asked = _time.GetUtcNow();
        var reading = _last;
        if (reading is null || asked - reading.At >= CandidatesFor || Of(reading, capability).Count == 0)
        {
            reading = await ReadAsync(asked);
        }
        return Of(reading, capability);
    }

    private static IReadOnlyList<string> Of(Reading reading, string capability) =>
        [.. reading.Entries
            .Where(e => e.Status == DomainStatus.Healthy && e.Capabilities.Contains(capability, StringComparer.Ordinal))
            .Select(e => e.DomainId)
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads every index partition (one reading at a time; callers that waited for a reading begun after they
    /// asked take its result).</summary>
    private async Task<Reading> ReadAsync(DateTimeOffset asked)
    {
        await _reading.WaitAsync();
        try
        {
            if (_last is { } fresh && fresh.At >= asked) { return fresh; }
            var startedAt = _time.GetUtcNow();
            var partitions = await Task.WhenAll(Enumerable.Range(0, RegistryPartitions.Count).Select(p =>
                grains.GetGrain<IRegistryIndexGrain>(RegistryPartitions.Key(p)).Entries()));
            return _last = new Reading(startedAt, [.. partitions.SelectMany(p => p)]);
        }
        finally
        {
            _reading.Release();
        }
    }
}
