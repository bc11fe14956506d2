using System.CommandLine;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm memory contribute --domain D --type T --content JSON</c> (<c>POST /domains/memory/contribute</c>).</summary>
internal static class MemoryContributeCommand
{
    public static Command Create(CliIo io)
    {
        var domain = new Option<string>("--domain") { Description = "The contributing domain.", Required = true };
        var type = new Option<string>("--type") { Description = "What kind of knowledge (optimization, pattern).", Required = true };
        var content = new Option<string>("--content") { Description = "The knowledge, a non-empty JSON object.", Required = true };
        var command = new Command("contribute", "Share a piece of knowledge (confidence starts at 0.5).") { domain, type, content };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var contribution = await session.Gateway.PostAsync("/domains/memory/contribute", new
            {
                DomainId = parse.GetValue(domain),
                ContributionType = parse.GetValue(type),
                Content = CliJson.ParseObject(parse.GetValue(content)!, "--content"),
            }, cancellationToken);
            if (session.Json) { session.WriteJson(contribution); }
            else { session.Console.MarkupLineInterpolated($"contributed {contribution.Text("contribution_id")} (confidence {contribution.Text("confidence")})"); }
            return RayswarmCli.Ok;
        });
    }
}
