namespace Rayswarm.Cluster.Tests;

/// <summary>The multi-process test classes run one at a time, after the others: each starts several silo processes, and
/// failure detection (a silo is declared dead after about 2 s of silence) must not mistake a starved CPU for a crash. The
/// classes that need an ordinary cluster share one (<see cref="SiloCluster"/>), which saves starting silos for each.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcesses : ICollectionFixture<SiloCluster>
{
    public const string Name = "Silo processes";
}

/// <summary>A cluster of its own, for a class whose tests stop every silo.</summary>
public sealed class OwnSiloCluster : SiloCluster;
