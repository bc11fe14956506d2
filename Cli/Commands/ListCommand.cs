using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm list domains|workflows|agents</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliIo io)
    {
        var list = new Command("list", "List what the gateway knows: domains, workflows, agents.");
        list.Subcommands.Add(ListDomainsCommand.Create(io));
        list.Subcommands.Add(ListWorkflowsCommand.Create(io));
        list.Subcommands.Add(ListAgentsCommand.Create(io));
        return list;
    }
}
