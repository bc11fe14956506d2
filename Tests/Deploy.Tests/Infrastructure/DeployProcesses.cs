namespace Rayswarm.Deploy.Tests;

/// <summary>The test classes that start silos and gateways run one at a time: on two cores, failure detection (a silo
/// is declared dead after about 2 s of silence) must not mistake a starved CPU for a crash.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployProcesses
{
    public const string Name = "Deploy processes";
}
