using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Domains as a tool result (structured content must be a JSON object, not an array).</summary>
/// <param name="Domains">The domains, sorted by id.</param>
public sealed record DomainList(IReadOnlyList<DomainInfo> Domains);

/// <summary>The capability map as a tool result.</summary>
/// <param name="Capabilities">Each capability with the ids of the domains offering it, both sorted.</param>
public sealed record CapabilityMap(IReadOnlyDictionary<string, IReadOnlyList<string>> Capabilities);

/// <summary>Event subscriptions as a tool result (the shape of <c>GET /domains/events/subscriptions</c>).</summary>
/// <param name="Subscriptions">The subscriptions, sorted by domain and pattern.</param>
/// <param name="Count">How many there are.</param>
public sealed record EventSubscriptionList(IReadOnlyList<EventSubscription> Subscriptions, int Count);

/// <summary>Dead letters as a tool result and the answer of <c>GET /domains/events/dead-letters</c>.</summary>
/// <param name="DeadLetters">The dead letters, in the order asked for.</param>
/// <param name="Count">How many are listed.</param>
public sealed record EventDeadLetterList(IReadOnlyList<EventDeadLetter> DeadLetters, int Count);

/// <summary>The top contributors as a tool result (the shape of <c>GET /domains/memory/top-contributors</c>).</summary>
/// <param name="Contributors">The domains, most contributions first.</param>
public sealed record TopContributorList(IReadOnlyList<TopContributor> Contributors);

/// <summary>What <c>orchestrate</c> returns: the workflow's outcome and its steps' outputs.</summary>
/// <param name="WorkflowId">The workflow's id (get_workflow, verify_workflow).</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">completed, rolled_back or failed; running when it had not finished within wait_seconds.</param>
/// <param name="Finished">Whether the status is terminal.</param>
/// <param name="Error">Why it rolled back or failed.</param>
/// <param name="Result">The outputs of the final steps (those no other step depends on), by step id.</param>
/// <param name="Outputs">Every completed step's output, by step id.</param>
/// <param name="Steps">The steps with their status, output and error.</param>
/// <param name="Swarm">With a swarm: its name.</param>
/// <param name="Topology">With a swarm: the topology that shaped the steps.</param>
/// <param name="Strategy">With a swarm: the strategy used (adaptive resolved to parallel or sequential).</param>
public sealed record OrchestrationResult(
    string WorkflowId,
    string Name,
    string Status,
    bool Finished,
    string? Error,
    IReadOnlyDictionary<string, JsonElement?> Result,
    IReadOnlyDictionary<string, JsonElement?> Outputs,
    IReadOnlyList<WorkflowStepInfo> Steps,
    string? Swarm = null,
    string? Topology = null,
    string? Strategy = null)
{
    /// <summary>The result of a workflow as it stands.</summary>
    public static OrchestrationResult Of(WorkflowInfo workflow)
    {
        var dependedOn = workflow.Steps.SelectMany(s => s.DependsOn).ToHashSet(StringComparer.Ordinal);
        var completed = workflow.Steps.Where(s => s.Status == WorkflowStepStatus.Completed).ToList();
        return new OrchestrationResult(
            workflow.WorkflowId,
            workflow.Name,
            workflow.Status,
            WorkflowStatus.IsTerminal(workflow.Status),
            workflow.Error,
            completed.Where(s => !dependedOn.Contains(s.StepId)).ToDictionary(s => s.StepId, s => s.Output),
            completed.ToDictionary(s => s.StepId, s => s.Output),
            workflow.Steps);
    }

    /// <summary>The result of a swarm's orchestration as it stands.</summary>
    public static OrchestrationResult Of(SwarmPlan run) =>
        Of(run.Workflow) with { Swarm = run.Swarm, Topology = run.Topology, Strategy = run.Strategy };
}
