using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public class TurnGrain : Grain, ITurnGrain
{
    private int _inside;
    private int _max;
    private int _threadsInside;
    private int _seq;

    public Task<int> Hold(string gate) => Run(gate);

    public Task<int> ReadHold(string gate) => Run(gate);

    public Task<int> InterleaveHold(string gate) => Run(gate);

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    private async Task<int> Run(string gate)
    {
        var order = ++_seq;
        _inside++;
        _max = Math.Max(_max, _inside);
        CheckSingleThreaded();
        await Gates.Pass(gate);
        CheckSingleThreaded();
        _inside--;
        return order;
    }

    /// <summary>Even interleaved turns never run code at the same time.</summary>
    private void CheckSingleThreaded()
    {
        if (Interlocked.Increment(ref _threadsInside) != 1) { throw new InvalidOperationException("Two threads ran grain code at once."); }
        Thread.SpinWait(100);
        Interlocked.Decrement(ref _threadsInside);
    }
}

[Reentrant]
[GrainType("reentrant-turn")]
public sealed class ReentrantTurnGrain : TurnGrain, IReentrantTurnGrain;

public interface IReentrantTurnGrain : ITurnGrain;
