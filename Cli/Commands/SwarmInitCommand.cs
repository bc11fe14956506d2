using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm init [--swarm NAME] [--topology mesh|hierarchical|star|ring] [--max-agents N] [--strategy S]</c>:
/// creates a swarm (<c>POST /domains/swarms</c>); the same settings again return it, other settings are a 409.</summary>
internal static class SwarmInitCommand
{
    public static Command Create(CliIo io)
    {
        var swarm = SwarmOptions.Swarm();
        var topology = new Option<string>("--topology", "-t") { Description = "mesh, hierarchical, star or ring.", DefaultValueFactory = _ => "mesh" }
            .AcceptOnlyFromAmong("mesh", "hierarchical", "star", "ring");
        var maxAgents = new Option<int?>("--max-agents", "-m") { Description = "The most agents the swarm takes (1-100; default 5)." };
        var strategy = new Option<string?>("--strategy") { Description = "The default orchestration strategy: parallel, sequential or adaptive." }
            .AcceptOnlyFromAmong("parallel", "sequential", "adaptive");
        var command = new Command("init", "Create a swarm with a topology.") { swarm, topology, maxAgents, strategy };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var created = await session.Gateway.PostAsync("/domains/swarms", new
            {
                Name = parse.GetValue(swarm),
                Topology = parse.GetValue(topology),
                MaxAgents = parse.GetValue(maxAgents),
                Strategy = parse.GetValue(strategy),
            }, cancellationToken);
            if (session.Json) { session.WriteJson(created); }
            else
            {
                session.Console.MarkupLine($"swarm {created.Cell("name")}: {created.Cell("topology")}, at most {created.Cell("max_agents")} agents, strategy {created.Cell("strategy")}");
            }
            return RayswarmCli.Ok;
        });
    }
}
