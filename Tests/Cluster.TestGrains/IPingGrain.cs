
namespace Rayswarm.Cluster.TestGrains;

/// <summary>The smallest call, for cross-silo benchmarks.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);

    /// <summary>The address of the silo that hosts the grain.</summary>
    Task<string> Silo();
}

[RandomPlacement]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);

    public Task<string> Silo() => Task.FromResult(CounterGrain.SiloName(GrainContext.ActivationServices));
}
