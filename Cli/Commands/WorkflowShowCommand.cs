using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm workflow show ID</c>: the workflow's steps, outputs, errors and audit (<c>GET /domains/workflows/{id}</c>).</summary>
internal static class WorkflowShowCommand
{
    public static Command Create(CliIo io)
    {
        var id = WorkflowCommand.IdArgument();
        var command = new Command("show", "A workflow's steps with their status, output and errors, and its audit trail.") { id };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            var workflow = await session.Gateway.GetAsync(WorkflowCommand.Path(parse.GetValue(id)!), cancellationToken);
            if (session.Json)
            {
                session.WriteJson(workflow);
                return RayswarmCli.Ok;
            }
            session.Console.Write(WorkflowView.Tree(workflow));
            session.Console.Write(WorkflowView.Audit(workflow));
            return RayswarmCli.Ok;
        });
    }
}
