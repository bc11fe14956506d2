using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Swarms on a real silo set up as the embedded gateway's (SQLite state, reminders and stream log): agents of the hosted test domain "alpha" (its action echo answers its tag and what it saw),
/// one test per topology checking the shape it gives a task and what flows along it, least-loaded routing among a swarm's
/// agents, termination, and refused input.</summary>
public sealed class SwarmTests : IAsyncLifetime
{
    private BuiltInSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await BuiltInSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private ISwarmsGrain Swarms => _silo.Grains.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key);

    private ISwarmGrain Swarm(string name) => _silo.Grains.GetGrain<ISwarmGrain>(name);

    private async Task<List<AgentInfo>> SwarmOfAsync(string name, string topology, int agents, params string[] capabilities)
    {
        await Swarms.Init(new SwarmInitRequest(name, topology, MaxAgents: 10));
        List<AgentInfo> spawned = [];
        for (var i = 0; i < agents; i++) { spawned.Add(await Swarm(name).Spawn(new SpawnAgentRequest("alpha", capabilities))); }
        return spawned;
    }

    private static SwarmSubtask Echo(string tag, string? capability = null, string action = "echo", object? data = null) =>
        new(action, capability, JsonSerializer.SerializeToElement(data ?? new { tag }));

    private async Task<(SwarmPlan Plan, WorkflowInfo Done)> RunAsync(string swarm, string? strategy, params SwarmSubtask[] subtasks)
    {
        var plan = await Swarm(swarm).Plan(new OrchestrateRequest(new SwarmTask(Subtasks: subtasks), strategy));
        var done = await _silo.Workflows.Execute(plan.Workflow.WorkflowId, 60);
        Assert.True(done.Status == WorkflowStatus.Completed, $"{done.Status}: {done.Error}");
        return (plan, done);
    }

    private static WorkflowStepInfo StepOf(WorkflowInfo workflow, string stepId) => workflow.Steps.Single(s => s.StepId == stepId);

    private static string[] Chain(WorkflowStepInfo step) => [.. step.Output!.Value.GetProperty("chain").EnumerateArray().Select(a => a.GetString()!)];

    [Fact]
    public async Task Ring_passes_each_agents_output_to_the_next_agent_in_spawn_order()
    {
        var agents = await SwarmOfAsync("ring1", SwarmTopologies.Ring, 3);

        var (plan, done) = await RunAsync("ring1", OrchestrationStrategies.Parallel, Echo("t1"), Echo("t2"), Echo("t3"));

        Assert.Equal(OrchestrationStrategies.Sequential, plan.Strategy); // a ring is a pipeline whatever was asked
        Assert.Equal(["ring-1", "ring-2", "ring-3"], done.Steps.Select(s => s.StepId));
        Assert.Equal(agents.Select(a => a.AgentId), done.Steps.Select(s => s.DomainId));
        Assert.Equal(["ring-2"], StepOf(done, "ring-3").DependsOn);
        // Each agent saw the one before's output: the chain grows along the ring, in order.
        Assert.Equal([agents[0].AgentId, agents[1].AgentId, agents[2].AgentId], Chain(StepOf(done, "ring-3")));
        var seen = StepOf(done, "ring-3").Output!.Value.GetProperty("result").GetProperty("seen").GetProperty("ring-2");
        Assert.Equal("t2", seen.GetProperty("result").GetProperty("tag").GetString());
        Assert.Equal(["execute:t1", "execute:t2", "execute:t3"], TestDomainGrain.Log[done.WorkflowId]);
    }

    [Fact]
    public async Task Star_dispatches_from_one_coordinator_and_its_collect_step_gets_every_workers_output()
    {
        var agents = await SwarmOfAsync("star1", SwarmTopologies.Star, 4);

        var (_, done) = await RunAsync("star1", null, Echo("a"), Echo("b"), Echo("c"));

        Assert.Equal(["dispatch", "work-1", "work-2", "work-3", "collect"], done.Steps.Select(s => s.StepId));
        Assert.Equal(agents[0].AgentId, StepOf(done, "dispatch").DomainId);
        Assert.Equal(agents[0].AgentId, StepOf(done, "collect").DomainId);
        Assert.Equal(agents.Skip(1).Select(a => a.AgentId), done.Steps.Where(s => s.StepId.StartsWith("work-", StringComparison.Ordinal)).Select(s => s.DomainId));
        Assert.All(done.Steps.Where(s => s.StepId.StartsWith("work-", StringComparison.Ordinal)), s => Assert.Equal(["dispatch"], s.DependsOn));
        var collected = StepOf(done, "collect").Output!.Value.GetProperty("result");
        Assert.Equal(3, collected.GetProperty("count").GetInt32());
        Assert.Equal(["a", "b", "c"], new[] { "work-1", "work-2", "work-3" }.Select(id =>
            collected.GetProperty("outputs").GetProperty(id).GetProperty("result").GetProperty("tag").GetString()));
    }

    [Fact]
    public async Task Mesh_agents_each_receive_the_other_agents_results_on_the_bus()
    {
        var agents = await SwarmOfAsync("mesh1", SwarmTopologies.Mesh, 3);

        var (plan, done) = await RunAsync("mesh1", null, Echo("x"), Echo("y"), Echo("z"));

        Assert.Equal(OrchestrationStrategies.Parallel, plan.Strategy); // adaptive, and no subtask depends on another
        Assert.All(done.Steps, s => Assert.Empty(s.DependsOn));
        Assert.Equal(agents.Select(a => a.AgentId), done.Steps.Select(s => s.DomainId));
        foreach (var agent in agents)
        {
            var others = agents.Where(a => a != agent).Select(a => a.AgentId).Order(StringComparer.Ordinal).ToArray();
            await Eventually.True(async () => (await _silo.Grains.GetGrain<IAgentGrain>(agent.AgentId).Get()).ReceivedFrom.SequenceEqual(others),
                $"{agent.AgentId} received the results of {string.Join(", ", others)}");
        }
        var subscriptions = await _silo.Bus.GetSubscriptions(agents[0].AgentId);
        Assert.Equal("swarm.mesh1.result", Assert.Single(subscriptions).Pattern);
    }

    [Fact]
    public async Task Hierarchical_builds_a_tree_of_coordinator_sub_coordinators_and_workers_and_completes()
    {
        var agents = await SwarmOfAsync("tree1", SwarmTopologies.Hierarchical, 5);
        var (root, subs, workers) = (agents[0].AgentId, new[] { agents[1].AgentId, agents[2].AgentId }, new[] { agents[3].AgentId, agents[4].AgentId });

        var (_, done) = await RunAsync("tree1", null, Echo("w1"), Echo("w2"), Echo("w3"), Echo("w4"));

        Assert.Equal(
            ["root.split", "sub-1.split", "sub-1.work-1", "sub-1.work-3", "sub-1.collect", "sub-2.split", "sub-2.work-2", "sub-2.work-4", "sub-2.collect", "root.collect"],
            done.Steps.Select(s => s.StepId));
        Assert.Equal([root, subs[0], workers[0], workers[0], subs[0], subs[1], workers[1], workers[1], subs[1], root], done.Steps.Select(s => s.DomainId));
        Assert.Equal(["root.split"], StepOf(done, "sub-2.split").DependsOn);
        Assert.Equal(["sub-2.split"], StepOf(done, "sub-2.work-4").DependsOn);
        Assert.Equal(["sub-1.collect", "sub-2.collect"], StepOf(done, "root.collect").DependsOn);
        var top = StepOf(done, "root.collect").Output!.Value.GetProperty("result").GetProperty("outputs");
        var branch = top.GetProperty("sub-2.collect").GetProperty("result").GetProperty("outputs");
        Assert.Equal("w4", branch.GetProperty("sub-2.work-4").GetProperty("result").GetProperty("tag").GetString());
        Assert.Equal([root, subs[1], workers[1]], Chain(StepOf(done, "sub-2.work-2"))); // the work passed down the tree
        Assert.Contains(done.Audit, e => e.Type == WorkflowAuditTypes.StepCompleted && e.StepId == "root.collect");
    }

    [Fact]
    public async Task Least_loaded_routes_capability_steps_to_the_idle_agent_and_query_shows_the_busy_one()
    {
        var agents = await SwarmOfAsync("load1", SwarmTopologies.Mesh, 2, "work");
        var barrier = "swarm-load-" + Guid.NewGuid().ToString("N");
        // Hold agent 1 busy: a step pinned to it waits at a barrier until the test arrives as the second party.
        var held = await Swarm("load1").Plan(new OrchestrateRequest(new SwarmTask(Subtasks: [Echo("held", action: "meet", data: new { tag = "held", barrier, parties = 2 })])));
        await _silo.Workflows.Execute(held.Workflow.WorkflowId, 0);
        await Eventually.True(async () => (await Swarms.QueryAgents(new AgentQuery("load1", Status: AgentStatuses.Busy))).Agents.Select(a => a.AgentId).SequenceEqual([agents[0].AgentId]),
            "agent 1 is busy");
        var busy = Assert.Single((await Swarms.QueryAgents(new AgentQuery("load1", Status: AgentStatuses.Busy))).Agents);
        Assert.Equal(1, busy.Load);

        var (_, done) = await RunAsync("load1", null, Echo("r1", "work"), Echo("r2", "work"), Echo("r3", "work"));

        Assert.All(done.Steps, s => Assert.Equal(agents[1].AgentId, s.DomainId));
        Assert.All(done.Steps, s => Assert.Equal("swarm:load1:work", s.Capability));
        Assert.Equal(3, done.Audit.Count(e => e.Type == WorkflowAuditTypes.StepRouted));

        var release = await _silo.Workflows.Create(new CreateWorkflowRequest("release", [new WorkflowStepRequest("alpha", "meet", JsonSerializer.SerializeToElement(new { tag = "go", barrier, parties = 2 }))]));
        await _silo.Workflows.Execute(release.WorkflowId, 30);
        await Eventually.True(async () => (await _silo.Workflows.Get(held.Workflow.WorkflowId)).Status == WorkflowStatus.Completed, "the held workflow completes");
        var idle = (await Swarms.QueryAgents(new AgentQuery("load1"))).Agents;
        Assert.All(idle, a => Assert.Equal((AgentStatuses.Idle, 0), (a.Status, a.Load)));
        Assert.Equal([1L, 3L], idle.Select(a => a.Calls));
    }

    [Fact]
    public async Task A_terminated_agent_leaves_the_registry_and_gets_no_more_steps()
    {
        var agents = await SwarmOfAsync("term1", SwarmTopologies.Mesh, 2, "work");

        var terminated = await Swarm("term1").Terminate(agents[0].AgentId);

        Assert.Equal(AgentStatuses.Terminated, terminated.Status);
        Assert.Null(await _silo.Registry.Get(agents[0].AgentId));
        Assert.Empty(await _silo.Bus.GetSubscriptions(agents[0].AgentId));
        var router = _silo.Host.Services.GetRequiredService<DomainRouter>();
        await Eventually.True(async () => (await router.RouteAsync("swarm:term1:work", null))?.Candidates.SequenceEqual([agents[1].AgentId]) == true,
            "the router's candidates are the live agent only");
        var (_, done) = await RunAsync("term1", null, Echo("a", "work"), Echo("b"), Echo("c", "work"), Echo("d"));
        Assert.All(done.Steps, s => Assert.Equal(agents[1].AgentId, s.DomainId));
        Assert.Equal([agents[0].AgentId], (await Swarms.QueryAgents(new AgentQuery(Status: AgentStatuses.Terminated))).Agents.Where(a => a.Swarm == "term1").Select(a => a.AgentId));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_exception_the_gateway_maps_to_a_4xx()
    {
        var topology = await Assert.ThrowsAsync<ArgumentException>(() => Swarms.Init(new SwarmInitRequest("bad1", "blob")));
        Assert.Contains("topology must be one of mesh, hierarchical, star, ring", topology.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Swarm("nobody").Get());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Swarm("nobody").Spawn(new SpawnAgentRequest("alpha")));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Swarms.QueryAgents(new AgentQuery("nobody")));

        await Swarms.Init(new SwarmInitRequest("full1", SwarmTopologies.Star, MaxAgents: 1));
        var type = await Assert.ThrowsAsync<ArgumentException>(() => Swarm("full1").Spawn(new SpawnAgentRequest("no-such-domain")));
        Assert.Equal("type", type.ParamName);
        await Swarm("full1").Spawn(new SpawnAgentRequest("alpha"));
        var full = await Assert.ThrowsAsync<ConflictException>(() => Swarm("full1").Spawn(new SpawnAgentRequest("alpha")));
        Assert.Contains("max_agents", full.Message, StringComparison.Ordinal);
        // A star needs a coordinator and a worker.
        await Assert.ThrowsAsync<ConflictException>(() => Swarm("full1").Plan(new OrchestrateRequest(new SwarmTask(Subtasks: [Echo("a")]))));
        await Assert.ThrowsAsync<ConflictException>(() => Swarms.Init(new SwarmInitRequest("full1", SwarmTopologies.Ring)));
        var parallel = await Assert.ThrowsAsync<ArgumentException>(() => Swarm("full1").Plan(new OrchestrateRequest(
            new SwarmTask(Subtasks: [Echo("a"), new SwarmSubtask("echo", DependsOn: [0])]), OrchestrationStrategies.Parallel)));
        Assert.Equal("strategy", parallel.ParamName);
    }
}
