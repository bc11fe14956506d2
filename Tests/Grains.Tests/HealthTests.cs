using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Health from heartbeats, driven by durable reminders on a fake clock (interval 10 s, unhealthy after 3 missed).</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private RegistrySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await RegistrySilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<string?> StatusOf(string id) => (await _silo.Registry.Get(id))?.Status;

    private async Task AdvanceIntervals(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _silo.Time.Advance(RegistrySilo.Interval);
            await Task.Yield();
        }
    }

    [Fact]
    public async Task A_domain_that_misses_its_heartbeats_becomes_unhealthy_and_a_heartbeat_makes_it_healthy_again()
    {
        await _silo.Registry.Register(new DomainRegistration("ai_domain", 8202, null, ["chat"]));
        await _silo.Registry.Register(new DomainRegistration("steady", 8203, null, ["chat"]));

        // Three silent intervals are allowed: the check at 30 s finds 30 s of silence, not more.
        for (var i = 0; i < 3; i++)
        {
            _silo.Time.Advance(RegistrySilo.Interval);
            await _silo.Registry.Heartbeat("steady");
        }
        Assert.Equal(DomainStatus.Healthy, await StatusOf("ai_domain"));

        _silo.Time.Advance(RegistrySilo.Interval);
        await _silo.Registry.Heartbeat("steady");
        await Eventually.True(async () => await StatusOf("ai_domain") == DomainStatus.Unhealthy, "ai_domain unhealthy after 40 s of silence");
        Assert.Equal(DomainStatus.Healthy, await StatusOf("steady"));
        Assert.Equal(new RegistryStats(2, 1, 1, 1, RegistryPartitions.Count), await _silo.Registry.GetStats());

        var recovered = await _silo.Registry.Heartbeat("ai_domain");

        Assert.Equal(DomainStatus.Healthy, recovered.Status);
        Assert.Equal(1, recovered.HeartbeatCount);
        Assert.Equal(_silo.Time.GetUtcNow(), recovered.LastHeartbeatAt);
        Assert.Equal(new RegistryStats(2, 2, 0, 1, RegistryPartitions.Count), await _silo.Registry.GetStats());
    }

    [Fact]
    public async Task Health_changes_are_announced_on_the_event_bus()
    {
        await _silo.Registry.Register(new DomainRegistration("flaky", 8202, null, ["chat"]));
        await AdvanceIntervals(4);
        await Eventually.True(async () => await StatusOf("flaky") == DomainStatus.Unhealthy, "flaky unhealthy");
        await _silo.Registry.Heartbeat("flaky");

        var history = await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "domain.*");

        Assert.Equal([RegistryEvents.Registered, RegistryEvents.Unhealthy, RegistryEvents.Recovered], history.Events.Select(e => e.Stream.GetKeyAsString()));
        Assert.All(history.Events, e => Assert.Equal("flaky", e.As<DomainInfo>()!.DomainId));
    }
}
