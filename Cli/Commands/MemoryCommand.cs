using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm memory contribute|query</c>.</summary>
internal static class MemoryCommand
{
    public static Command Create(CliIo io)
    {
        var memory = new Command("memory", "Contribute to and search the shared memory.");
        memory.Subcommands.Add(MemoryContributeCommand.Create(io));
        memory.Subcommands.Add(MemoryQueryCommand.Create(io));
        return memory;
    }
}
