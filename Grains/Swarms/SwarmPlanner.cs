using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Turns a task into workflow steps over a swarm's live agents (docs/swarms.md, "From a task to steps"). Each subtask (or,
/// for a text task, each worker whose domain has a text action) is one worker step: pinned to a worker in turn, or routed by
/// its capability scoped to the swarm (least loaded). The topology gives the shape around them:
/// mesh: the worker steps alone; ring: a chain in spawn order; star: <c>dispatch</c> → workers → <c>collect</c> on one
/// coordinator; hierarchical: <c>root.split</c> → <c>sub-j.split</c> → their workers → <c>sub-j.collect</c> → <c>root.collect</c>.
/// The strategy links the worker steps: parallel none, sequential each after the one before; adaptive is parallel unless a
/// subtask declares depends_on. A ring is always sequential.
/// </summary>
public static class SwarmPlanner
{
    /// <summary>A planned workflow and the strategy it uses (adaptive resolved).</summary>
    public sealed record Planned(CreateWorkflowRequest Workflow, string Strategy);

    private sealed record Work(string Action, JsonElement? Data, string? Capability, AgentInfo? Agent);

    /// <summary>Plans <paramref name="task"/>; throws <see cref="ArgumentException"/> for a task the agents cannot run and
    /// <see cref="ConflictException"/> when the topology needs more live agents.</summary>
    public static Planned Build(string swarm, string topology, string strategy, IReadOnlyList<AgentInfo> agents, SwarmTask task)
    {
        var minimum = topology switch { SwarmTopologies.Hierarchical => 3, SwarmTopologies.Star => 2, _ => 1 };
        if (agents.Count < minimum)
        {
            throw new ConflictException($"Swarm '{swarm}' ({topology}) needs at least {minimum} live agent(s) to orchestrate (has {agents.Count}).");
        }
        var coordinator = topology is SwarmTopologies.Star or SwarmTopologies.Hierarchical
            ? agents.FirstOrDefault(a => a.Type == "coordinator") ?? agents[0]
            : null;
        var rest = agents.Where(a => a != coordinator).ToList();
        var subs = topology == SwarmTopologies.Hierarchical ? rest.Take(SubCoordinators(rest.Count)).ToList() : [];
        var workers = rest.Skip(subs.Count).ToList();
        var work = WorkOf(swarm, task, workers, agents);
        var resolved = topology == SwarmTopologies.Ring ? OrchestrationStrategies.Sequential
            : strategy == OrchestrationStrategies.Adaptive ? (task.HasDependencies ? OrchestrationStrategies.Sequential : OrchestrationStrategies.Parallel)
            : strategy;
        var steps = topology switch
        {
            SwarmTopologies.Star => Star(swarm, coordinator!, workers, work, resolved),
            SwarmTopologies.Hierarchical => Hierarchical(swarm, coordinator!, subs, workers, work, resolved),
            SwarmTopologies.Ring => Chain(swarm, "ring", workers, work),
            _ => Flat(swarm, workers, work, resolved),
        };
        return new Planned(new CreateWorkflowRequest($"swarm {swarm}: {topology}, {resolved}", steps), resolved);
    }

    /// <summary>Sub-coordinators of a hierarchy over <paramref name="below"/> agents: about √n, leaving at least as many workers.</summary>
    private static int SubCoordinators(int below) => Math.Max(1, Math.Min(below / 2, (int)Math.Ceiling(Math.Sqrt(below))));

    private static List<Work> WorkOf(string swarm, SwarmTask task, List<AgentInfo> workers, IReadOnlyList<AgentInfo> agents)
    {
        if (task.Subtasks is { Count: > 0 } subtasks)
        {
            foreach (var capability in subtasks.Select(s => s.Capability).OfType<string>().Distinct())
            {
                if (!agents.Any(a => a.Capabilities.Contains(capability, StringComparer.Ordinal)))
                {
                    throw new ArgumentException($"task: no live agent of swarm '{swarm}' has the capability '{capability}'.", "task");
                }
            }
            return [.. subtasks.Select(s => new Work(s.Action, s.Data, s.Capability, null))];
        }
        List<Work> work = [];
        foreach (var worker in workers)
        {
            if (!AgentTypes.TextActions.TryGetValue(worker.Domain, out var text)) { continue; }
            var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { [text.Field] = task.Text! });
            work.Add(new Work(text.Action, data, null, worker));
        }
        return work.Count > 0 ? work : throw new ArgumentException(
            $"task: no worker agent of swarm '{swarm}' runs text (their domains have no text action: {string.Join(", ", AgentTypes.TextActions.Keys)}); give subtasks.", "task");
    }

    private static List<WorkflowStepRequest> Flat(string swarm, List<AgentInfo> workers, List<Work> work, string strategy)
    {
        var turn = 0;
        return [.. work.Select((w, k) => Step(swarm, w, w.Agent ?? (w.Capability is null ? workers[turn++ % workers.Count] : null), $"mesh-{k + 1}",
            strategy == OrchestrationStrategies.Sequential && k > 0 ? [$"mesh-{k}"] : []))];
    }

    /// <summary>Each step after the one before; a ring pins step k to the k-th agent in spawn order (with the capability, when it names one).</summary>
    private static List<WorkflowStepRequest> Chain(string swarm, string prefix, List<AgentInfo> ring, List<Work> work)
    {
        List<WorkflowStepRequest> steps = [];
        for (var k = 0; k < work.Count; k++)
        {
            var agent = work[k].Agent ?? Enumerable.Range(0, ring.Count).Select(i => ring[(k + i) % ring.Count])
                .First(a => work[k].Capability is null || a.Capabilities.Contains(work[k].Capability!, StringComparer.Ordinal));
            steps.Add(Step(swarm, work[k] with { Capability = null }, agent, $"{prefix}-{k + 1}", k > 0 ? [$"{prefix}-{k}"] : []));
        }
        return steps;
    }

    private static List<WorkflowStepRequest> Star(string swarm, AgentInfo coordinator, List<AgentInfo> workers, List<Work> work, string strategy)
    {
        var ids = work.Select((_, k) => $"work-{k + 1}").ToList();
        List<WorkflowStepRequest> steps = [Coordination(coordinator, AgentGrain.CoordinateAction, "dispatch", [], ids)];
        var turn = 0;
        for (var k = 0; k < work.Count; k++)
        {
            var agent = work[k].Agent ?? (work[k].Capability is null ? workers[turn++ % workers.Count] : null);
            steps.Add(Step(swarm, work[k], agent, ids[k], strategy == OrchestrationStrategies.Sequential && k > 0 ? ["dispatch", ids[k - 1]] : ["dispatch"]));
        }
        steps.Add(Coordination(coordinator, AgentGrain.CollectAction, "collect", ids, ids));
        return steps;
    }

    private static List<WorkflowStepRequest> Hierarchical(string swarm, AgentInfo root, List<AgentInfo> subs, List<AgentInfo> workers, List<Work> work,
        string strategy)
    {
        // Work k goes to branch k mod m; worker w belongs to branch w mod m.
        var branches = Enumerable.Range(0, subs.Count).Select(j => (
            Sub: subs[j],
            Workers: workers.Where((_, w) => w % subs.Count == j).ToList(),
            Work: Enumerable.Range(0, work.Count).Where(k => k % subs.Count == j).ToList())).Where(b => b.Work.Count > 0).ToList();
        var ids = new string[work.Count];
        for (var j = 0; j < branches.Count; j++)
        {
            foreach (var k in branches[j].Work) { ids[k] = $"sub-{j + 1}.work-{k + 1}"; }
        }
        List<WorkflowStepRequest> steps =
            [Coordination(root, AgentGrain.CoordinateAction, "root.split", [], [.. branches.Select((_, j) => $"sub-{j + 1}.split")])];
        for (var j = 0; j < branches.Count; j++)
        {
            var (sub, branchWorkers, branchWork) = branches[j];
            var split = $"sub-{j + 1}.split";
            steps.Add(Coordination(sub, AgentGrain.CoordinateAction, split, ["root.split"], [.. branchWork.Select(k => ids[k])]));
            var turn = 0;
            foreach (var k in branchWork)
            {
                var agent = work[k].Agent ?? (work[k].Capability is null ? branchWorkers[turn++ % branchWorkers.Count] : null);
                steps.Add(Step(swarm, work[k], agent, ids[k], strategy == OrchestrationStrategies.Sequential && k > 0 ? [split, ids[k - 1]] : [split]));
            }
            steps.Add(Coordination(sub, AgentGrain.CollectAction, $"sub-{j + 1}.collect", [.. branchWork.Select(k => ids[k])], []));
        }
        steps.Add(Coordination(root, AgentGrain.CollectAction, "root.collect", [.. branches.Select((_, j) => $"sub-{j + 1}.collect")], []));
        return steps;
    }

    private static WorkflowStepRequest Coordination(AgentInfo agent, string action, string stepId, IReadOnlyList<string> dependsOn, IReadOnlyList<string> assigned) =>
        new(agent.AgentId, action, JsonSerializer.SerializeToElement(new { role = "coordinator", assigned }), dependsOn.Count == 0 ? null : dependsOn, stepId);

    /// <summary>A worker step: on <paramref name="agent"/>, or (no agent) routed by the work's capability scoped to the swarm.</summary>
    private static WorkflowStepRequest Step(string swarm, Work work, AgentInfo? agent, string stepId, IReadOnlyList<string> dependsOn) =>
        agent is not null
            ? new(agent.AgentId, work.Action, work.Data, dependsOn.Count == 0 ? null : dependsOn, stepId)
            : new(null, work.Action, work.Data, dependsOn.Count == 0 ? null : dependsOn, stepId,
                Capability: SwarmCapabilities.Scoped(swarm, work.Capability!), Strategy: RoutingStrategies.LeastLoaded);
}
