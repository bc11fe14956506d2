namespace Rayswarm.Benchmarks;

/// <summary>One field, a synchronous method, Orleans' defaults (non-reentrant, random placement… on one silo, here).</summary>
public sealed class PlainBenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}
