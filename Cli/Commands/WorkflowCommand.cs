using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm workflow create|execute|show|verify</c>.</summary>
internal static class WorkflowCommand
{
    public static Command Create(CliIo io)
    {
        var workflow = new Command("workflow", "Create, run, show and verify workflows (sagas).");
        workflow.Subcommands.Add(WorkflowCreateCommand.Create(io));
        workflow.Subcommands.Add(WorkflowExecuteCommand.Create(io));
        workflow.Subcommands.Add(WorkflowShowCommand.Create(io));
        workflow.Subcommands.Add(WorkflowVerifyCommand.Create(io));
        return workflow;
    }

    /// <summary>The workflow id argument of execute, show and verify.</summary>
    public static Argument<string> IdArgument() => new("id") { Description = "The workflow's id (wf_…)." };

    public static string Path(string id) => "/domains/workflows/" + Uri.EscapeDataString(id);
}
