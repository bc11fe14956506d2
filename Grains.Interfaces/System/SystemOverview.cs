namespace Rayswarm.Grains.Interfaces;

/// <summary>The whole system at a glance (the body of <c>GET /domains/system/overview</c>): domains and their health,
/// the event flow, the shared knowledge and the workflows, each as its area's own statistics.</summary>
/// <param name="Registry">Counts of registered domains by health.</param>
/// <param name="Domains">Every registered domain's id and health, sorted by id (at most <see cref="MaxDomains"/>).</param>
/// <param name="HostedDomains">The domains hosted inside the cluster (built in or added to the silos), sorted.</param>
/// <param name="Events">The event bus: totals, flow rate over the last minute, subscriptions, dead letters.</param>
/// <param name="Knowledge">The shared memory: contributions, verifications, applications, confidence.</param>
/// <param name="Workflows">Workflows by status, steps, compensations, durations.</param>
/// <param name="ActiveWorkflows">Running workflows, newest first (at most <see cref="MaxActiveWorkflows"/>).</param>
/// <param name="GeneratedAt">When the overview was put together.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SystemOverview")]
public sealed record SystemOverview(
    RegistryStats Registry,
    IReadOnlyList<DomainHealth> Domains,
    IReadOnlyList<string> HostedDomains,
    EventBusStats Events,
    MemoryStats Knowledge,
    WorkflowStats Workflows,
    IReadOnlyList<WorkflowSummary> ActiveWorkflows,
    DateTimeOffset GeneratedAt)
{
    /// <summary>The most domains <see cref="Domains"/> lists.</summary>
    public const int MaxDomains = 500;

    /// <summary>The most workflows <see cref="ActiveWorkflows"/> lists.</summary>
    public const int MaxActiveWorkflows = 50;
}

/// <summary>A domain's id and health in the overview.</summary>
/// <param name="DomainId">The domain.</param>
/// <param name="Status"><see cref="DomainStatus.Healthy"/> or <see cref="DomainStatus.Unhealthy"/>.</param>
/// <param name="LastHeartbeatAt">Its last heartbeat.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainHealth")]
public sealed record DomainHealth(string DomainId, string Status, DateTimeOffset LastHeartbeatAt);
