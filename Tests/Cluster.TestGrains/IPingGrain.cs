using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Cluster.TestGrains;

/// <summary>The smallest call, for cross-silo benchmarks.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

[PreferLocalPlacement]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
