using System.CommandLine;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm list agents</c>: the swarms' agents (<c>GET /domains/swarms/agents</c>). A gateway without swarms
/// answers 404 there, which is reported as such, not as an empty list.</summary>
internal static class ListAgentsCommand
{
    public const string Route = "/domains/swarms/agents";

    public static Command Create(CliIo io) =>
        new Command("agents", "The swarms' agents with their status and load (needs a gateway with swarms).").WithSession(io, async (_, session, cancellationToken) =>
        {
            JsonElement answer;
            try
            {
                answer = await session.Gateway.GetAsync(Route, cancellationToken);
            }
            catch (GatewayProblemException e) when (e.Status == 404)
            {
                throw new CliException($"not available: this gateway has no swarms yet (GET {Route} answered 404)", RayswarmCli.Failure, e);
            }
            if (session.Json)
            {
                session.WriteJson(answer);
                return RayswarmCli.Ok;
            }
            session.Console.Write(JsonTable.Of(answer.Items("agents")));
            return RayswarmCli.Ok;
        });
}
