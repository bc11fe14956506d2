using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The registry in a real silo: registration, queries across partitions, validation, events and stats.</summary>
public sealed class RegistryTests : IAsyncLifetime
{
    private RegistrySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await RegistrySilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static DomainRegistration Domain(string id, params string[] capabilities) => new(id, 8200, null, capabilities);

    [Fact]
    public async Task A_registered_domain_is_returned_by_get()
    {
        var registered = await _silo.Registry.Register(new DomainRegistration("ai_domain", 8202, null, ["chat", "ml", "prediction"],
            new Dictionary<string, string> { ["team"] = "ml" }));

        var info = await _silo.Registry.Get("ai_domain");

        Assert.NotNull(info);
        Assert.Equal("ai_domain", info.DomainId);
        Assert.Equal(8202, info.Port);
        Assert.Null(info.Endpoint);
        Assert.Equal(["chat", "ml", "prediction"], info.Capabilities);
        Assert.Equal("ml", info.Metadata["team"]);
        Assert.Equal(DomainStatus.Healthy, info.Status);
        Assert.Equal(_silo.Time.GetUtcNow(), info.RegisteredAt);
        Assert.Equal(0, info.HeartbeatCount);
        Assert.Empty(info.Peers);
        Assert.Equal(registered.RegisteredAt, info.RegisteredAt);
        Assert.Null(await _silo.Registry.Get("nobody"));
    }

    [Fact]
    public async Task Re_registering_updates_the_domain_and_keeps_its_registration_time()
    {
        var first = await _silo.Registry.Register(Domain("data_domain", "ingest"));
        _silo.Time.Advance(TimeSpan.FromSeconds(5));

        await _silo.Registry.Register(new DomainRegistration("data_domain", null, "https://data.example:9000/", ["ingest", "export"]));

        var info = await _silo.Registry.Get("data_domain");
        Assert.NotNull(info);
        Assert.Null(info.Port);
        Assert.Equal("https://data.example:9000/", info.Endpoint);
        Assert.Equal(["ingest", "export"], info.Capabilities);
        Assert.Equal(first.RegisteredAt, info.RegisteredAt);
        Assert.Equal(first.RegisteredAt + TimeSpan.FromSeconds(5), info.LastHeartbeatAt);
        Assert.Equal(["data_domain"], (await _silo.Registry.FindByCapability("export")).Select(d => d.DomainId));
        Assert.Equal(1, (await _silo.Registry.GetStats()).TotalDomains);
    }

    [Fact]
    public async Task List_capability_map_and_find_by_capability_cover_domains_in_every_partition()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"domain-{i:D2}").ToArray();
        Assert.Equal(RegistryPartitions.Count, ids.Select(RegistryPartitions.Of).Distinct().Count());
        await Task.WhenAll(ids.Select((id, i) => _silo.Registry.Register(Domain(id, "common", i % 2 == 0 ? "even" : "odd", $"only-{i}"))));

        var list = await _silo.Registry.List();
        var map = await _silo.Registry.GetCapabilityMap();
        var even = await _silo.Registry.FindByCapability("even");

        Assert.Equal(ids, list.Select(d => d.DomainId));
        Assert.All(list, d => Assert.Equal(49, d.Peers.Count)); // "common" makes every other domain a peer
        Assert.Equal(53, map.Count);
        Assert.Equal(ids, map["common"]);
        Assert.Equal(ids.Where((_, i) => i % 2 == 1), map["odd"]);
        Assert.Equal(["domain-07"], map["only-7"]);
        Assert.Equal(ids.Where((_, i) => i % 2 == 0), even.Select(d => d.DomainId));
        Assert.Empty(await _silo.Registry.FindByCapability("nothing"));
    }

    [Fact]
    public async Task Peers_are_the_other_domains_sharing_a_capability()
    {
        await _silo.Registry.Register(Domain("a", "chat", "ml"));
        await _silo.Registry.Register(Domain("b", "ml"));
        await _silo.Registry.Register(Domain("c", "chat"));
        await _silo.Registry.Register(Domain("d", "storage"));

        Assert.Equal(["b", "c"], (await _silo.Registry.Get("a"))!.Peers);
        Assert.Equal(["a"], (await _silo.Registry.Get("b"))!.Peers);
        Assert.Empty((await _silo.Registry.Get("d"))!.Peers);
        Assert.Equal(["b", "c"], (await _silo.Registry.List()).Single(d => d.DomainId == "a").Peers);
    }

    [Theory]
    [InlineData("", 8200, null, "chat", "domain_id")]
    [InlineData("has space", 8200, null, "chat", "domain_id")]
    [InlineData("ok", 0, null, "chat", "port")]
    [InlineData("ok", 70000, null, "chat", "port")]
    [InlineData("ok", null, null, "chat", "port")]
    [InlineData("ok", null, "ftp://x.example/", "chat", "endpoint")]
    [InlineData("ok", null, "not a url", "chat", "endpoint")]
    [InlineData("ok", 8200, null, " ", "capabilities")]
    public async Task Invalid_registrations_are_refused_naming_the_field(string id, int? port, string? endpoint, string capability, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _silo.Registry.Register(new DomainRegistration(id, port, endpoint, [capability])));
        Assert.Contains(field, error.Message);
        Assert.Equal(0, (await _silo.Registry.GetStats()).TotalDomains);
    }

    [Fact]
    public async Task Registration_without_capabilities_or_with_a_long_id_is_refused()
    {
        var none = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Registry.Register(new DomainRegistration("ok", 8200, null, [])));
        Assert.Contains("capabilities", none.Message);
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Registry.Register(Domain(new string('x', 101), "chat")));
        Assert.Contains("domain_id", tooLong.Message);
        await _silo.Registry.Register(Domain(new string('x', 100), "chat"));
    }

    [Fact]
    public async Task A_heartbeat_for_an_unregistered_domain_is_not_found()
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Registry.Heartbeat("ghost"));
        Assert.Contains("ghost", error.Message);
    }

    [Fact]
    public async Task Registration_announces_domain_registered_on_the_event_bus()
    {
        await _silo.Registry.Register(Domain("ai_domain", "chat"));

        var history = await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "domain.*");

        var announced = Assert.Single(history.Events);
        Assert.Equal(RegistryEvents.Registered, announced.Stream.GetKeyAsString());
        var info = announced.As<DomainInfo>();
        Assert.NotNull(info);
        Assert.Equal("ai_domain", info.DomainId);
        Assert.Equal(["chat"], info.Capabilities);
    }

    [Fact]
    public async Task Stats_count_domains_health_and_capabilities()
    {
        await _silo.Registry.Register(Domain("a", "chat", "ml"));
        await _silo.Registry.Register(Domain("b", "ml"));
        await _silo.Registry.Register(Domain("c", "search"));

        Assert.Equal(new RegistryStats(3, 3, 0, 3, RegistryPartitions.Count), await _silo.Registry.GetStats());
    }

    [Fact]
    public async Task An_unregistered_domain_leaves_every_query()
    {
        await _silo.Registry.Register(Domain("a", "chat"));
        await _silo.Registry.Register(Domain("b", "chat"));

        Assert.True(await _silo.Grains.GetGrain<IDomainGrain>("a").Unregister());

        Assert.Null(await _silo.Registry.Get("a"));
        Assert.Equal(["b"], (await _silo.Registry.List()).Select(d => d.DomainId));
        Assert.Empty((await _silo.Registry.Get("b"))!.Peers);
        Assert.False(await _silo.Grains.GetGrain<IDomainGrain>("a").Unregister());
    }
}
