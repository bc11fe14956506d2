using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm list domains</c>: every registered domain (<c>GET /domains/list</c>).</summary>
internal static class ListDomainsCommand
{
    public static Command Create(CliIo io) =>
        new Command("domains", "Every registered domain with its health, kind and capabilities.").WithSession(io, async (_, session, cancellationToken) =>
        {
            var answer = await session.Gateway.GetAsync("/domains/list", cancellationToken);
            if (session.Json)
            {
                session.WriteJson(answer);
                return RayswarmCli.Ok;
            }
            var table = new Table().AddColumns("domain", "status", "kind", "capabilities", "endpoint", "last heartbeat");
            foreach (var domain in answer.Items("domains"))
            {
                var endpoint = domain.Text("endpoint") is { Length: > 0 } url ? url : domain.Text("port") is { Length: > 0 } port ? ":" + port : "";
                table.AddRow(domain.Cell("domain_id"), StatusMarkup.Of(domain.Text("status")), domain.Cell("kind"),
                    domain.Cell("capabilities"), Markup.Escape(endpoint), domain.Time("last_heartbeat_at"));
            }
            table.Caption($"{answer.Text("count")} domains");
            session.Console.Write(table);
            return RayswarmCli.Ok;
        });
}
