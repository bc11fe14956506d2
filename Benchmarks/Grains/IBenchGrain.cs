namespace Rayswarm.Benchmarks;

/// <summary>The smallest useful call. Several classes implement it (the local-calls variants); callers choose one by its class
/// name (<see cref="BenchGrainClasses"/>).</summary>
public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}
