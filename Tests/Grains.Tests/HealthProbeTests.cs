using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>An endpoint domain that stops sending heartbeats is asked <c>GET {endpoint}/health</c> (real HTTP on loopback)
/// before it is marked unhealthy: an answer counts as a heartbeat. Fake clock: interval 10 s, unhealthy after 3 missed.</summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    private RegistrySilo _silo = null!;
    private EndpointDomain _worker = null!;

    public async Task InitializeAsync()
    {
        _silo = await RegistrySilo.StartAsync(probes: true);
        _worker = await EndpointDomain.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _silo.DisposeAsync();
    }

    private async Task<DomainInfo> InfoOf(string id) => (await _silo.Registry.Get(id))!;

    private void Advance(int intervals)
    {
        for (var i = 0; i < intervals; i++) { _silo.Time.Advance(RegistrySilo.Interval); }
    }

    [Fact]
    public async Task A_silent_endpoint_domain_that_answers_its_health_probe_stays_healthy_and_one_that_does_not_becomes_unhealthy()
    {
        _worker.GetHandler = path => path == "/base/health" ? (200, """{"status": "ok"}""") : (404, "{}");
        var gone = await EndpointDomain.StartAsync();
        var goneEndpoint = gone.Endpoint;
        await gone.DisposeAsync();
        await _silo.Registry.Register(new DomainRegistration("answers", null, _worker.Endpoint + "base/", ["probe"]));
        await _silo.Registry.Register(new DomainRegistration("silent", null, goneEndpoint, ["probe"]));

        Advance(4);

        await Eventually.True(async () => (await InfoOf("silent")).Status == DomainStatus.Unhealthy, "silent unhealthy");
        await Eventually.True(async () => (await InfoOf("answers")).LastHeartbeatAt == _silo.Time.GetUtcNow(), "the probe counted as a heartbeat");
        Assert.Equal(DomainStatus.Healthy, (await InfoOf("answers")).Status);
        Assert.Contains("/base/health", _worker.Gets);
    }

    [Fact]
    public async Task A_domain_that_stops_answering_becomes_unhealthy_and_recovers_when_it_answers_again()
    {
        var answering = false;
        _worker.GetHandler = path => answering && path == "/health" ? (200, "{}") : (503, """{"error": "starting"}""");
        await _silo.Registry.Register(new DomainRegistration("flaky-worker", null, _worker.Endpoint, ["probe"]));

        Advance(4);
        await Eventually.True(async () => (await InfoOf("flaky-worker")).Status == DomainStatus.Unhealthy, "unhealthy while it answers 503");
        Assert.Contains("/health", _worker.Gets);

        answering = true;
        await Eventually.True(async () => (await InfoOf("flaky-worker")).Status == DomainStatus.Healthy, "healthy again once /health answers");

        var history = await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "domain.*");
        Assert.Equal([RegistryEvents.Registered, RegistryEvents.Unhealthy, RegistryEvents.Recovered], history.Events.Select(e => e.Stream.GetKeyAsString()));
    }
}
