using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm workflow create FILE|-</c>: creates a workflow from a JSON definition (the body of
/// <c>POST /domains/workflows/create</c>: <c>{"name": …, "steps": [{"domain_id", "action", "data", "depends_on"}]}</c>).</summary>
internal static class WorkflowCreateCommand
{
    public static Command Create(CliIo io)
    {
        var file = new Argument<string>("definition") { Description = "A JSON file with name and steps, or - for stdin." };
        var name = new Option<string?>("--name") { Description = "Use this name instead of the definition's." };
        var command = new Command("create", "Create a workflow from a JSON definition (name, steps with domain_id, action, data, depends_on).") { file, name };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var definition = await JsonInput.ReadObjectAsync(parse.GetValue(file)!, cancellationToken);
            if (parse.GetValue(name) is { Length: > 0 } newName) { definition["name"] = newName; }
            var workflow = await session.Gateway.PostAsync("/domains/workflows/create", definition.ToJsonString(), cancellationToken);
            if (session.Json)
            {
                session.WriteJson(workflow);
                return RayswarmCli.Ok;
            }
            session.Console.Write(WorkflowView.Tree(workflow));
            return RayswarmCli.Ok;
        });
    }
}
