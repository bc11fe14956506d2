using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>How a hosted domain's grain contributes to the shared memory exactly once per key (e.g. a workflow step's
/// <c>idempotency_key</c>, <see cref="DomainActionInput.ActionKey"/>): the contribution's id is derived from the domain
/// and the key, so a step that runs again returns the contribution of its first run, and its compensation retracts
/// exactly that one (<see cref="RetractAsync"/> with <see cref="IdFor"/>) even when the action's output was lost.</summary>
public static class DomainContributions
{
    /// <summary>32 hex digits of SHA-256("contribution\n" + <paramref name="domainId"/> + "\n" + <paramref name="key"/>).</summary>
    public static string IdFor(string domainId, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(domainId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"contribution\n{domainId}\n{key}")))[..32];
    }

    /// <summary>Stores and announces <paramref name="request"/> under <see cref="IdFor"/>(its domain, <paramref name="key"/>),
    /// or returns the contribution already stored under that id. Throws <see cref="ArgumentException"/> for an invalid request.</summary>
    public static async Task<Contribution> ContributeOnceAsync(this Grain grain, ContributeRequest request, string key)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var services = grain.GrainContext.ActivationServices;
        var store = services.GetService<IKnowledgeStore>() ?? UnconfiguredKnowledgeStore.Instance;
        var time = services.GetKeyedService<TimeProvider>(DomainClock.Key) ?? TimeProvider.System;
        return await SharedMemoryGrain.ContributeAsync(grain, store, time, request, IdFor(request.DomainId, key), idempotent: true);
    }

    /// <summary>Retracts the contribution <paramref name="contributionId"/> (announced as <c>memory.retracted</c>); true when
    /// it existed, false (and nothing changes) when it did not.</summary>
    public static Task<bool> RetractAsync(this Grain grain, string contributionId)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainContext.ActivationServices.GetRequiredService<IGrainFactory>().GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).Retract(contributionId);
    }
}
