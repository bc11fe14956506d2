using Microsoft.AspNetCore.Mvc;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The swarm endpoints: init, list, status, spawn, terminate, agents query, orchestrate (docs/swarms.md).</summary>
internal static class SwarmsApi
{
    public static IEndpointRouteBuilder MapSwarmsApi(this IEndpointRouteBuilder routes)
    {
        var swarms = routes.MapGroup("/domains/swarms").WithTags("Swarms");
        swarms.MapPost("", (SwarmInitRequest request, IGrainFactory grains) => Swarms(grains).Init(request)).WithName("InitSwarm")
            .WithSummary("Creates a swarm: name, topology (mesh, hierarchical, star, ring), max_agents and default strategy.");
        swarms.MapGet("", async (IGrainFactory grains) =>
        {
            var list = await Swarms(grains).List();
            return new SwarmList(list, list.Count);
        }).WithName("ListSwarms").WithSummary("Every swarm with its agents, sorted by name.");
        // "agents" is a literal segment, so it wins over {name}.
        swarms.MapGet("/agents", ([FromQuery(Name = "swarm")] string? swarm, [FromQuery(Name = "type")] string? type,
            [FromQuery(Name = "status")] string? status, [FromQuery(Name = "capability")] string? capability, IGrainFactory grains) =>
            Swarms(grains).QueryAgents(new AgentQuery(swarm, type, status, capability))).WithName("QueryAgents")
            .WithSummary("The agents of every swarm (or one), optionally by type, status and capability, with their load, status and last activity.");
        swarms.MapGet("/{name}", (string name, IGrainFactory grains) => Swarm(grains, name).Get()).WithName("GetSwarm")
            .WithSummary("One swarm's status: its settings, agents (status, load, last activity) and recent workflows.");
        swarms.MapPost("/{name}/agents", (string name, SpawnAgentRequest request, IGrainFactory grains) => Swarm(grains, name).Spawn(request))
            .WithName("SpawnAgent").WithSummary("Spawns an agent of a type (a domain or an agent type mapped onto one) and registers it for routing.");
        swarms.MapPost("/{name}/agents/{id}/terminate", (string name, string id, IGrainFactory grains) => Swarm(grains, name).Terminate(id))
            .WithName("TerminateAgent").WithSummary("Terminates an agent: it leaves the registry, so no step is routed to it.");
        swarms.MapPost("/{name}/orchestrate", async (string name, OrchestrateRequest request, [FromQuery(Name = "wait_seconds")] int? waitSeconds,
            IGrainFactory grains) =>
        {
            var run = await SwarmOrchestration.RunAsync(grains, name, request, waitSeconds);
            return WorkflowStatus.IsTerminal(run.Workflow.Status) ? Results.Ok(run) : Results.Accepted($"/domains/workflows/{run.Workflow.WorkflowId}", run);
        }).WithName("OrchestrateSwarm")
            .WithSummary("Turns a task (text or subtasks) into a workflow shaped by the swarm's topology, runs it, and answers 200 with the outcome or 202 while it runs.");
        return routes;
    }

    private static ISwarmsGrain Swarms(IGrainFactory grains) => grains.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key);

    private static ISwarmGrain Swarm(IGrainFactory grains, string name)
    {
        SwarmInitRequest.ValidateName(name);
        return grains.GetGrain<ISwarmGrain>(name);
    }

    /// <summary>The answer of <c>GET /domains/swarms</c>.</summary>
    internal sealed record SwarmList(IReadOnlyList<SwarmInfo> Swarms, int Count);
}
