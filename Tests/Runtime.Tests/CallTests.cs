using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public sealed class CallTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(time: _time);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IChainGrain Chain(string key) => _silo.Grains.GetGrain<IChainGrain>(key);

    [Fact]
    public async Task A_call_cycle_fails_at_once_with_an_error_naming_the_cycle()
    {
        var p = Gates.New();
        var error = await Assert.ThrowsAsync<DeadlockException>(() => Chain(p + "a").Follow([p + "b", p + "c", p + "a"], false).Within(5_000));

        Assert.Equal([p + "a", p + "b", p + "c", p + "a"], error.Cycle.Select(g => g.Key));
        Assert.Contains($"ChainGrain/{p}a -> ChainGrain/{p}b -> ChainGrain/{p}c -> ChainGrain/{p}a", error.Message);
    }

    [Fact]
    public async Task A_grain_calling_itself_is_a_cycle_of_one()
    {
        var p = Gates.New();
        var error = await Assert.ThrowsAsync<DeadlockException>(() => Chain(p).Follow([p], false).Within(5_000));
        Assert.Equal([p, p], error.Cycle.Select(g => g.Key));
    }

    [Fact]
    public async Task Call_chain_reentrancy_lets_the_chain_call_back_into_the_grain()
    {
        var p = Gates.New();
        var path = await Chain(p + "a").Follow([p + "b", p + "a", p + "c"], allowReentry: true).Within();
        Assert.Equal($"{p}a>{p}b>{p}a>{p}c", path);
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_with_its_type_and_message()
    {
        var grain = Chain(Gates.New());
        var sync = await Assert.ThrowsAsync<GrainTestException>(() => grain.Fail("sync boom", async: false));
        var async = await Assert.ThrowsAsync<GrainTestException>(() => grain.Fail("async boom", async: true).Within());

        Assert.Equal("sync boom", sync.Message);
        var typed = await Assert.ThrowsAsync<GrainTestException>(() => grain.ThrowBeforeReturning("typed boom"));
        Assert.Equal("typed boom", typed.Message);
        Assert.Equal("async boom", async.Message);
        Assert.Equal(2, await grain.Calls());
    }

    [Fact]
    public async Task A_method_timeout_fails_the_caller_and_the_late_response_is_dropped()
    {
        var grain = Chain(Gates.New());
        var gate = Gates.New();
        var call = grain.HoldWithShortTimeout(gate);
        await Gates.WhenEntered(gate).Within();

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(2));
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.Within());
        Assert.Contains("IChainGrain.HoldWithShortTimeout", error.Message);

        Gates.Open(gate);
        Assert.Equal(1, await grain.Calls().Within());
    }

    [Fact]
    public async Task The_default_response_timeout_is_thirty_seconds()
    {
        var grain = Chain(Gates.New());
        var gate = Gates.New();
        var call = grain.Hold(gate);
        await Gates.WhenEntered(gate).Within();

        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.Within());
        Gates.Open(gate);
    }

    [Fact]
    public async Task A_queued_request_whose_caller_timed_out_is_not_run()
    {
        var grain = Chain(Gates.New());
        string held = Gates.New(), queued = Gates.New();
        var holding = grain.Hold(held);
        await Gates.WhenEntered(held).Within();
        var waiting = grain.HoldWithShortTimeout(queued);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => waiting.Within());
        Gates.Open(held);
        await holding.Within();

        Assert.Equal(1, await grain.Calls().Within());
        Assert.False(Gates.HasEntered(queued));
    }

    [Fact]
    public async Task References_made_by_key_type_reach_the_same_grain()
    {
        var factory = _silo.Host.Services.GetRequiredService<IGrainFactory>();
        var key = Gates.New();
        var a = factory.GetGrain<IChainGrain>(key);
        var b = factory.GetGrain<IChainGrain>(a.GetGrainId());
        await a.Calls();
        await b.Fail("x", false).ContinueWith(_ => { });

        Assert.Equal(a, b);
        Assert.Equal(key, b.GetPrimaryKeyString());
        Assert.Equal(1, await a.Calls());
    }
}
