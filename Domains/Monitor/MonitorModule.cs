using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor;

/// <summary>The <c>monitor</c> domain (<see cref="MonitorDomainGrain"/>): subscribed to <c>#.completed</c> and
/// <c>#.failed</c> (the design's "*.completed / *.failed", at any depth), it counts each event once per event type and
/// source domain and keeps the recent ones and the recent failures; <c>stats</c> and <c>recent</c> show them. Capability
/// <c>monitoring</c>. Other patterns: the setting <c>Rayswarm:Domains:Subscriptions:monitor</c>, or a subscription over the bus.</summary>
public sealed class MonitorModule : DomainModule
{
    /// <inheritdoc />
    public override string DomainId => MonitorDomainGrain.DomainId;

    /// <inheritdoc />
    public override string Description => "Tracks completed and failed events on the bus: counts per event type and source domain, last seen, recent failures.";

    /// <inheritdoc />
    public override IReadOnlyList<string> Capabilities => ["monitoring"];

    /// <inheritdoc />
    public override IReadOnlyList<string> Subscriptions => ["#.completed", "#.failed"];

    /// <inheritdoc />
    public override Type WorkerGrain => typeof(MonitorDomainGrain);

    /// <inheritdoc />
    public override IReadOnlyList<DomainActionInfo> Actions => MonitorDomainGrain.DomainActions;
}
