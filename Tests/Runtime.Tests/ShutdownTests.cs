using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_silo_waits_for_running_turns_then_deactivates_every_grain()
    {
        var silo = await TestSilo.StartAsync();
        string busy = Gates.New(), idle = Gates.New(), gate = Gates.New();
        await silo.Grains.GetGrain<ILifecycleGrain>(idle).Ping();
        var holding = silo.Grains.GetGrain<ILifecycleGrain>(busy).Hold(gate);
        await Gates.WhenEntered(gate).Within();

        var stopping = silo.StopAsync();
        await Eventually.True(() => LifecycleLog.Of(idle).Contains("deactivate:ShuttingDown"), "idle grain deactivated");
        Assert.False(stopping.IsCompleted, "the silo stopped while a turn was still running");
        Assert.DoesNotContain("deactivate:ShuttingDown", LifecycleLog.Of(busy));

        Gates.Open(gate);
        Assert.Equal(1, await holding.Within());
        await stopping.Within();
        Assert.Equal(["activate", "hold", "released", "deactivate:ShuttingDown"], LifecycleLog.Of(busy));
        silo.Host.Dispose();
    }

    [Fact]
    public async Task Calls_after_shutdown_fail_with_a_clear_error()
    {
        var silo = await TestSilo.StartAsync();
        var grain = silo.Grains.GetGrain<ILifecycleGrain>(Gates.New());
        await grain.Ping();
        await silo.StopAsync();

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Ping().Within());
        Assert.Contains("shutting down", error.Message);
        silo.Host.Dispose();
    }
}
