using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The removals that HTTP and MCP share: each turns "there was nothing to remove" into a
/// <see cref="KeyNotFoundException"/> (404 over HTTP, a tool error over MCP).</summary>
internal static class Removals
{
    public static async Task<UnregisterResult> UnregisterAsync(IGrainFactory grains, string domainId) =>
        await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Unregister(domainId)
            ? new UnregisterResult(domainId)
            : throw new KeyNotFoundException($"Domain '{domainId}' is not registered.");

    public static async Task<UnsubscribeResult> UnsubscribeAsync(IGrainFactory grains, string subscriptionId) =>
        await grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key).Unsubscribe(subscriptionId)
            ? new UnsubscribeResult(subscriptionId)
            : throw new KeyNotFoundException($"There is no event subscription '{subscriptionId}'.");

    public static async Task<RetractResult> RetractAsync(IGrainFactory grains, string contributionId, RetractRequest request) =>
        await grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).Retract(contributionId, request)
            ? new RetractResult(contributionId, request.Reason)
            : throw new KeyNotFoundException($"Contribution '{contributionId}' does not exist (or was already retracted).");
}
