using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm list agents</c>: the swarms' agents with their status and load (<c>GET /domains/swarms/agents</c>).</summary>
internal static class ListAgentsCommand
{
    public const string Route = "/domains/swarms/agents";

    public static Command Create(CliIo io) =>
        new Command("agents", "The swarms' agents with their status, load and last activity.").WithSession(io, async (_, session, cancellationToken) =>
        {
            var answer = await session.Gateway.GetAsync(Route, cancellationToken);
            if (session.Json)
            {
                session.WriteJson(answer);
                return RayswarmCli.Ok;
            }
            session.Console.Write(JsonTable.Of(answer.Items("agents")));
            return RayswarmCli.Ok;
        });
}
