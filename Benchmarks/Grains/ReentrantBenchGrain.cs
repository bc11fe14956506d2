namespace Rayswarm.Benchmarks;

/// <summary><see cref="PlainBenchGrain"/>, [Reentrant]: a request never waits for another to finish.</summary>
[Reentrant]
public sealed class ReentrantBenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}
