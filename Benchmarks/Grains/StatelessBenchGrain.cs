namespace Rayswarm.Benchmarks;

/// <summary>A [StatelessWorker]: activations are local and not in the grain directory; no per-key field.</summary>
[StatelessWorker(1)]
public sealed class StatelessBenchGrain : Grain, IBenchGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
