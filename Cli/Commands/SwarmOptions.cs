using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary>What the swarm commands (<c>init</c>, <c>spawn</c>, <c>orchestrate</c>, <c>terminate</c>) share: the swarm they
/// act on, <c>--swarm NAME</c> (env RAYSWARM_SWARM; default <see cref="DefaultSwarm"/>), so that a session of commands, as
/// ruv-swarm's CLI is used, needs no name.</summary>
internal static class SwarmOptions
{
    public const string DefaultSwarm = "default";

    public static Option<string> Swarm() => new("--swarm", "-s")
    {
        Description = $"The swarm (env RAYSWARM_SWARM; default {DefaultSwarm}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAYSWARM_SWARM") is { Length: > 0 } name ? name : DefaultSwarm,
    };

    public static string Path(string swarm) => "/domains/swarms/" + Uri.EscapeDataString(swarm);
}
