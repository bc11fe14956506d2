namespace Rayswarm.Benchmarks;

public sealed class InterleavedBenchGrain : Grain, IInterleavedBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}
