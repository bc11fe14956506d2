using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public sealed class ChainGrain : Grain, IChainGrain
{
    private int _calls;

    public async Task<string> Follow(string[] path, bool allowReentry)
    {
        _calls++;
        if (path.Length == 0) { return this.GetPrimaryKeyString(); }
        var next = GrainFactory.GetGrain<IChainGrain>(path[0]);
        if (!allowReentry) { return this.GetPrimaryKeyString() + ">" + await next.Follow(path[1..], allowReentry); }
        using (RequestContext.AllowCallChainReentrancy())
        {
            return this.GetPrimaryKeyString() + ">" + await next.Follow(path[1..], allowReentry);
        }
    }

    public async Task<string> HoldWithShortTimeout(string gate)
    {
        _calls++;
        await Gates.Pass(gate);
        return "late";
    }

    public async Task<string> Hold(string gate)
    {
        _calls++;
        await Gates.Pass(gate);
        return "done";
    }

    public async Task Fail(string message, bool async)
    {
        _calls++;
        if (async) { await Task.Yield(); }
        throw new GrainTestException(message);
    }

    public Task<int> Calls() => Task.FromResult(_calls);

    public Task<int> ThrowBeforeReturning(string message) => throw new GrainTestException(message);
}

public sealed class GrainTestException(string message) : Exception(message);
