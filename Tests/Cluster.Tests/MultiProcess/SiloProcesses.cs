namespace Rayswarm.Cluster.Tests;

/// <summary>The multi-process test classes run one at a time, after the others: each starts several silo processes, and
/// failure detection (a silo is declared dead after about 2 s of silence) must not mistake a starved CPU for a crash.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcesses
{
    public const string Name = "Silo processes";
}
