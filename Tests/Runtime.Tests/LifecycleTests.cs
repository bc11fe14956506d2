namespace Rayswarm.Runtime.Tests;

public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private TestSilo _silo = null!;

    // Calls here may wait through long stretches of fake time: no response timeout.
    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(time: _time,
        settings: new Dictionary<string, string?> { ["Rayswarm:Messaging:ResponseTimeout"] = Timeout.InfiniteTimeSpan.ToString() });

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task OnActivateAsync_runs_once_before_the_first_call()
    {
        var key = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        Assert.Empty(LifecycleLog.Of(key));

        Assert.Equal(1, await grain.Ping());
        Assert.Equal(2, await grain.Ping());
        Assert.Equal(["activate"], LifecycleLog.Of(key));
    }

    [Fact]
    public async Task A_failed_activation_fails_the_waiting_calls_and_the_next_call_activates_again()
    {
        var key = Gates.New();
        FailingGrain.Failing[key] = true;
        var grain = _silo.Grains.GetGrain<IFailingGrain>(key);
        var calls = Enumerable.Range(0, 5).Select(_ => grain.Ping()).ToArray();
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<GrainTestException>(() => call.Within());
            Assert.Equal("activation refused", error.Message);
        }

        FailingGrain.Failing.TryRemove(key, out _);
        Assert.Equal(1, await grain.Ping().Within());
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_fifteen_minutes_by_default()
    {
        var key = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        await grain.Ping();

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.DoesNotContain("deactivate:IdleCollection", LifecycleLog.Of(key));
        _time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.True(() => LifecycleLog.Of(key).Contains("deactivate:IdleCollection"), "idle collection");

        Assert.Equal(1, await grain.Ping());
        Assert.Equal(2, LifecycleLog.Activations[key]);
    }

    [Fact]
    public async Task Calls_keep_an_activation_from_collection()
    {
        var key = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        for (var i = 0; i < 5; i++)
        {
            await grain.Ping();
            _time.Advance(TimeSpan.FromMinutes(10));
        }
        Assert.Equal(["activate"], LifecycleLog.Of(key));
        Assert.Equal(6, await grain.Ping());
    }

    [Fact]
    public async Task A_class_can_shorten_its_collection_age()
    {
        var key = Gates.New();
        await _silo.Grains.GetGrain<IShortLivedGrain>(key).Ping();

        _time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.True(() => LifecycleLog.Of(key).Contains("deactivate:IdleCollection"), "collection after 2 minutes");
    }

    [Fact]
    public async Task A_busy_activation_is_not_collected()
    {
        var key = Gates.New();
        var gate = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        var holding = grain.Hold(gate);
        await Gates.WhenEntered(gate).Within();

        _time.Advance(TimeSpan.FromMinutes(20));
        Gates.Open(gate);
        await holding.Within();
        Assert.DoesNotContain("deactivate:IdleCollection", LifecycleLog.Of(key));
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_turn_and_the_next_call_reactivates()
    {
        var key = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        await grain.Ping();
        await grain.Deactivate();
        await Eventually.True(() => LifecycleLog.Of(key).Contains("deactivate:ApplicationRequested"), "deactivation");

        Assert.Equal(1, await grain.Ping());
        Assert.Equal(["activate", "deactivate:ApplicationRequested", "activate"], LifecycleLog.Of(key));
    }

    [Fact]
    public async Task Calls_that_arrive_during_deactivation_are_served_by_the_next_activation()
    {
        var key = Gates.New();
        var gate = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        var holding = grain.Hold(gate);
        await Gates.WhenEntered(gate).Within();
        var deactivate = grain.Deactivate();
        var ping = grain.Ping();
        Assert.False(deactivate.IsCompleted);

        Gates.Open(gate);
        Assert.Equal(1, await holding.Within());
        await deactivate.Within();
        Assert.Equal(1, await ping.Within());
        Assert.Equal(["activate", "hold", "released", "deactivate:ApplicationRequested", "activate"], LifecycleLog.Of(key));
    }

    [Fact]
    public async Task Timer_ticks_are_turns_and_the_next_tick_waits_for_the_callback()
    {
        var key = Gates.New();
        string timerGate = Gates.New(), callGate = Gates.New();
        var grain = _silo.Grains.GetGrain<ILifecycleGrain>(key);
        await grain.StartTimer(timerGate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var holding = grain.Hold(callGate);
        await Gates.WhenEntered(callGate).Within();

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("tick1", LifecycleLog.Of(key));
        Gates.Open(callGate);
        await holding.Within();
        await Gates.WhenEntered(timerGate).Within();

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("tick2", LifecycleLog.Of(key));
        Gates.Open(timerGate);
        await Eventually.True(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return LifecycleLog.Of(key).Contains("tick2");
        }, "second tick after the first callback completed");
    }
}
