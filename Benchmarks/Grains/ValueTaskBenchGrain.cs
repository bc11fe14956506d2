namespace Rayswarm.Benchmarks;

public sealed class ValueTaskBenchGrain : Grain, IValueTaskBenchGrain
{
    private int _calls;

    public ValueTask<int> Ping(int value)
    {
        _calls++;
        return new ValueTask<int>(value + _calls);
    }
}
