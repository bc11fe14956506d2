using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Hosted domains in the registry: silos register them (kind hosted, worker grain type, action names as
/// capabilities), the same registration again is a heartbeat, and the resolver reaches them through the registry.</summary>
public sealed class HostedDomainsTests
{
    private static JsonElement Input(object data, string stepId = "step_1") =>
        JsonSerializer.SerializeToElement(new { data, dependencies = new { }, workflow_id = "wf_hosted_" + Guid.NewGuid().ToString("N"), step_id = stepId });

    private static async Task<DomainInfo[]> HostedAsync(IRegistryGrain registry) =>
        [.. (await registry.List()).Where(d => d.Kind == DomainKinds.Hosted)];

    [Fact]
    public async Task A_silo_registers_the_built_in_domains_as_hosted_with_their_actions_as_capabilities()
    {
        await using var silo = await MemorySilo.StartAsync();
        var registry = silo.Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

        await Eventually.True(async () => (await HostedAsync(registry)).Length == 2, "memory and events registered by the silo");

        var hosted = await HostedAsync(registry);
        Assert.Equal(["events", "memory"], hosted.Select(d => d.DomainId));
        var events = hosted[0];
        var memory = hosted[1];
        Assert.Equal((DomainKinds.Hosted, nameof(EventsDomainGrain), DomainStatus.Healthy), (events.Kind, events.GrainType, events.Status));
        Assert.Equal(["publish"], events.Capabilities);
        Assert.Equal((DomainKinds.Hosted, nameof(MemoryDomainGrain), DomainStatus.Healthy), (memory.Kind, memory.GrainType, memory.Status));
        Assert.Equal(["search", "contribute"], memory.Capabilities);
        Assert.Null(memory.Port);
        Assert.Null(memory.Endpoint);
        Assert.Equal(["events", "memory"], (await registry.ListHosted()).Select(e => e.DomainId));
        Assert.Equal(["memory"], (await registry.FindByCapability("search")).Select(d => d.DomainId));
    }

    [Fact]
    public async Task Registering_the_same_hosted_domain_again_is_a_heartbeat_and_announces_once()
    {
        await using var silo = await RegistrySilo.StartAsync();
        var registration = new HostedDomainRegistration("twice", nameof(TestDomainGrain), ["echo"]);

        var first = await silo.Registry.RegisterHosted(registration);
        silo.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await silo.Registry.RegisterHosted(registration with { Capabilities = ["echo", "echo"] });

        Assert.Equal((DomainKinds.Hosted, nameof(TestDomainGrain), 0L), (first.Kind, first.GrainType, first.HeartbeatCount));
        Assert.Equal(1, second.HeartbeatCount);
        Assert.Equal(first.RegisteredAt, second.RegisteredAt);
        Assert.Equal(silo.Time.GetUtcNow(), second.LastHeartbeatAt);

        // A changed registration (a new build with another action) replaces it and is announced again.
        var changed = await silo.Registry.RegisterHosted(registration with { Capabilities = ["echo", "shout"] });
        Assert.Equal(["echo", "shout"], changed.Capabilities);

        var history = await silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "domain.*");
        Assert.Equal([RegistryEvents.Registered, RegistryEvents.Registered], history.Events.Select(e => e.Stream.GetKeyAsString()));
        Assert.Equal([["echo"], ["echo", "shout"]], history.Events.Select(e => e.As<DomainInfo>()!.Capabilities.ToArray()));
    }

    [Fact]
    public async Task A_heartbeat_from_outside_for_a_hosted_domain_is_a_conflict_and_changes_nothing()
    {
        await using var silo = await RegistrySilo.StartAsync();
        var registered = await silo.Registry.RegisterHosted(new HostedDomainRegistration("inside", nameof(TestDomainGrain), ["echo"]));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => silo.Registry.Heartbeat("inside"));

        Assert.Contains("hosted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(registered.HeartbeatCount, (await silo.Registry.Get("inside"))!.HeartbeatCount);
    }

    [Fact]
    public async Task A_hosted_domain_nobody_heartbeats_becomes_unhealthy_and_recovers_when_a_silo_registers_it_again()
    {
        await using var silo = await RegistrySilo.StartAsync();
        var registration = new HostedDomainRegistration("lonely", nameof(TestDomainGrain), ["echo"]);
        await silo.Registry.RegisterHosted(registration);

        for (var i = 0; i < 4; i++)
        {
            silo.Time.Advance(RegistrySilo.Interval);
            await Task.Yield();
        }
        await Eventually.True(async () => (await silo.Registry.Get("lonely"))?.Status == DomainStatus.Unhealthy, "lonely unhealthy");

        var back = await silo.Registry.RegisterHosted(registration);

        Assert.Equal(DomainStatus.Healthy, back.Status);
        var history = await silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "domain.*");
        Assert.Equal([RegistryEvents.Registered, RegistryEvents.Unhealthy, RegistryEvents.Recovered], history.Events.Select(e => e.Stream.GetKeyAsString()));
    }

    [Fact]
    public async Task An_endpoint_registration_cannot_take_the_id_of_a_healthy_hosted_domain_and_hosted_wins_over_an_endpoint()
    {
        await using var silo = await RegistrySilo.StartAsync();
        await silo.Registry.Register(new DomainRegistration("moved", 8300, null, ["x"]));

        var hosted = await silo.Registry.RegisterHosted(new HostedDomainRegistration("moved", nameof(TestDomainGrain), ["echo"]));

        Assert.Equal((DomainKinds.Hosted, (int?)null), (hosted.Kind, hosted.Port));
        var conflict = await Assert.ThrowsAsync<ConflictException>(() => silo.Registry.Register(new DomainRegistration("moved", 8300, null, ["x"])));
        Assert.Contains("moved", conflict.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => silo.Registry.RegisterHosted(new HostedDomainRegistration("moved", " ", ["echo"])));
    }

    [Fact]
    public async Task The_resolver_reaches_a_hosted_domain_through_the_registry_when_its_own_catalog_lacks_it()
    {
        await using var silo = await RegistrySilo.StartAsync();
        var resolver = new DomainResolver(silo.Grains, new HostedDomainCatalog());
        Assert.Null(await resolver.ResolveAsync("far_domain"));

        await silo.Registry.RegisterHosted(new HostedDomainRegistration("far_domain", nameof(TestDomainGrain), ["echo"]));
        var target = Assert.IsType<DomainTarget.Hosted>(await resolver.ResolveAsync("far_domain"));
        var output = await target.Worker.Execute("echo", Input(new { tag = "hello" }));

        Assert.Equal(("far_domain", "hello"), (output.GetProperty("domain").GetString(), output.GetProperty("tag").GetString()));
    }

    [Fact]
    public async Task The_resolver_of_a_process_without_the_built_in_domains_runs_memory_search_through_the_registry()
    {
        await using var silo = await MemorySilo.StartAsync();
        var registry = silo.Grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        await Eventually.True(async () => (await HostedAsync(registry)).Length == 2, "memory and events registered by the silo");
        var resolver = new DomainResolver(silo.Grains, new HostedDomainCatalog());

        var memory = Assert.IsType<DomainTarget.Hosted>(await resolver.ResolveAsync("memory")).Worker;
        await memory.Execute("contribute", Input(new { contribution_type = "runbook", content = new { issue = "widget_wobble" } }));
        var found = await memory.Execute("search", Input(new { query = "widget wobble" }));

        Assert.Equal(1, found.GetProperty("count").GetInt32());
    }
}
