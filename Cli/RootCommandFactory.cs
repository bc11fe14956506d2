using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary>The command tree: <c>rayswarm &lt;command&gt; [options]</c>, one file per command under <c>Commands/</c>.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CliIo io)
    {
        var root = new RootCommand("rayswarm: drive a Rayswarm gateway over HTTP (domains, workflows, events, memory, reviews, swarms).");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(ListCommand.Create(io));
        root.Subcommands.Add(StatusCommand.Create(io));
        root.Subcommands.Add(MonitorCommand.Create(io));
        root.Subcommands.Add(WorkflowCommand.Create(io));
        root.Subcommands.Add(ExportCommand.Create(io));
        root.Subcommands.Add(ImportCommand.Create(io));
        root.Subcommands.Add(BenchmarkCommand.Create(io));
        root.Subcommands.Add(EventsCommand.Create(io));
        root.Subcommands.Add(MemoryCommand.Create(io));
        root.Subcommands.Add(ReviewCommand.Create(io));
        root.Subcommands.Add(SwarmInitCommand.Create(io));
        root.Subcommands.Add(SwarmSpawnCommand.Create(io));
        root.Subcommands.Add(SwarmOrchestrateCommand.Create(io));
        root.Subcommands.Add(SwarmTerminateCommand.Create(io));
        return root;
    }
}
