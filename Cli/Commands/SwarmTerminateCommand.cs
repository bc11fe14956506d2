using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm terminate AGENT [--swarm NAME]</c>: terminates an agent; it leaves the registry, so no step is routed
/// to it (<c>POST /domains/swarms/{name}/agents/{id}/terminate</c>). An agent id names its swarm (<c>{swarm}.agent-{n}</c>),
/// which wins over <c>--swarm</c>.</summary>
internal static class SwarmTerminateCommand
{
    private const string AgentInfix = ".agent-";

    public static Command Create(CliIo io)
    {
        var agentId = new Argument<string>("agent") { Description = "The agent's id, e.g. default.agent-1." };
        var swarm = SwarmOptions.Swarm();
        var command = new Command("terminate", "Terminate an agent of a swarm.") { agentId, swarm };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var id = parse.GetValue(agentId)!;
            var at = id.LastIndexOf(AgentInfix, StringComparison.Ordinal);
            var name = at > 0 ? id[..at] : parse.GetValue(swarm)!;
            var agent = await session.Gateway.PostAsync($"{SwarmOptions.Path(name)}/agents/{Uri.EscapeDataString(id)}/terminate", new { }, cancellationToken);
            if (session.Json) { session.WriteJson(agent); }
            else { session.Console.MarkupLine($"agent {agent.Cell("agent_id")}: {StatusMarkup.Of(agent.Text("status"))}"); }
            return RayswarmCli.Ok;
        });
    }
}
