using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Benchmarks;

public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

/// <summary>The smallest useful grain: one field, a synchronous method.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + _calls);
    }
}
