using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm spawn TYPE [--capabilities a,b] [--swarm NAME]</c>: starts an agent of a type (a domain, or an agent
/// type such as researcher or coder) in the swarm and registers it for routing (<c>POST /domains/swarms/{name}/agents</c>).</summary>
internal static class SwarmSpawnCommand
{
    public static Command Create(CliIo io)
    {
        var type = new Argument<string>("type") { Description = "A domain id (code, documents, memory, …) or an agent type (researcher, coder, analyst, coordinator)." };
        var capabilities = new Option<string[]>("--capabilities", "-c")
        {
            Description = "Extra capabilities, comma-separated or repeated.",
            AllowMultipleArgumentsPerToken = true,
        };
        var swarm = SwarmOptions.Swarm();
        var command = new Command("spawn", "Spawn an agent in a swarm.") { type, capabilities, swarm };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var extra = (parse.GetValue(capabilities) ?? []).SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            var agent = await session.Gateway.PostAsync(SwarmOptions.Path(parse.GetValue(swarm)!) + "/agents",
                new { Type = parse.GetValue(type), Capabilities = extra.Length == 0 ? null : extra }, cancellationToken);
            if (session.Json) { session.WriteJson(agent); }
            else
            {
                session.Console.MarkupLine($"agent {agent.Cell("agent_id")} ({agent.Cell("type")} on {agent.Cell("domain")}): {StatusMarkup.Of(agent.Text("status"))}");
            }
            return RayswarmCli.Ok;
        });
    }
}
