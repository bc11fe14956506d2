using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Fans the overview out to the registry, event bus, shared memory and workflow entry grains (all stateless
/// workers themselves) and merges their answers; nothing is stored here.</summary>
[StatelessWorker]
[GrainType("system-overview")]
public sealed class SystemOverviewGrain(HostedDomainCatalog catalog, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, ISystemOverviewGrain
{
    public async Task<SystemOverview> GetOverview()
    {
        var registry = GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var workflows = GrainFactory.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
        var registryStats = registry.GetStats();
        var domains = registry.List();
        var events = GrainFactory.GetGrain<IEventBusGrain>(IEventBusGrain.Key).GetStats();
        var knowledge = GrainFactory.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).GetStats();
        var workflowStats = workflows.GetStats();
        var active = workflows.List(WorkflowStatus.Running, SystemOverview.MaxActiveWorkflows, 0);
        await Task.WhenAll(registryStats, domains, events, knowledge, workflowStats, active);
        return new SystemOverview(
            await registryStats,
            [.. (await domains).Take(SystemOverview.MaxDomains).Select(d => new DomainHealth(d.DomainId, d.Status, d.LastHeartbeatAt))],
            catalog.DomainIds,
            await events,
            await knowledge,
            await workflowStats,
            (await active).Workflows,
            (time ?? TimeProvider.System).GetUtcNow());
    }
}
