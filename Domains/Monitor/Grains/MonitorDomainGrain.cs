using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor;

/// <summary>
/// The <c>monitor</c> domain's worker: one activation (key <c>monitor</c>) that counts the events its subscriptions deliver
/// (<see cref="MonitorTally"/>) and keeps the counts in grain state, written before the delivery is acknowledged, so they
/// survive a restart and an event the bus delivers again is counted once. Its actions only read.
/// </summary>
[GrainType("monitor-domain")]
public sealed partial class MonitorDomainGrain(
    [PersistentState("monitor", "Default")] IPersistentState<MonitorState> state) : Grain, IDomainWorkerGrain
{
    /// <summary>The domain id it is hosted as.</summary>
    public const string DomainId = "monitor";

    /// <summary>The domain's actions (<see cref="MonitorModule.Actions"/>).</summary>
    public static IReadOnlyList<DomainActionInfo> DomainActions => s_actions;

    /// <inheritdoc />
    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    /// <inheritdoc />
    public Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = DomainActionInput.Parse(input);
        return Task.FromResult(action switch
        {
            Stats => DomainActionInput.Output(StatsOf(state.State)),
            Recent => DomainActionInput.Output(RecentOf(state.State, args)),
            _ => throw DomainActionInput.UnknownAction(DomainId, action, s_actions),
        });
    }

    /// <inheritdoc />
    public Task Compensate(string action, JsonElement input, JsonElement output) => action is Stats or Recent
        ? Task.CompletedTask // read-only: nothing to undo
        : throw DomainActionInput.UnknownAction(DomainId, action, s_actions);

    /// <inheritdoc />
    public async Task OnEvent(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        MonitorTally.Record(state.State, domainEvent); // a redelivery only counts as a duplicate, which is kept too
        await state.WriteStateAsync();
    }
}
