using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The memory domain keeps the events of its subscriptions (default <c>ml.*</c>) as contributions of their source
/// domain, once per event id, in a real silo on SQLite (as the embedded gateway).</summary>
public sealed class MemoryEventsTests : IAsyncLifetime
{
    private BuiltInSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await BuiltInSilo.StartAsync();
        await Eventually.True(async () => (await _silo.Bus.GetSubscriptions(MemoryDomainGrain.DomainId)).Any(s => s.Pattern == "ml.*"),
            "the memory domain subscribed itself to ml.*");
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private async Task<IReadOnlyList<Contribution>> ContributionsAsync(string domainId, string type) =>
        [.. (await _silo.Memory.Query(new MemoryQuery(null, 0, type, domainId, MemoryQuery.MaxLimit))).Results.Select(r => r.Contribution)];

    [Fact]
    public async Task An_ml_event_becomes_one_contribution_of_its_source_domain_at_its_confidence()
    {
        await _silo.Bus.Publish(new PublishRequest("billing.paid", "ev_mem_ai", JsonSerializer.SerializeToElement(new { amount = 3 })));
        var published = await _silo.Bus.Publish(new PublishRequest("ml.prediction", "ev_mem_ai",
            JsonSerializer.SerializeToElement(new { prediction = "positive", confidence = 0.95 })));

        await Eventually.True(async () => (await ContributionsAsync("ev_mem_ai", "ml.prediction")).Count == 1, "the event became a contribution");
        await (await _silo.WorkerAsync(MemoryDomainGrain.DomainId)).OnEvent(published); // delivered again, as after a silo died

        var contribution = Assert.Single(await ContributionsAsync("ev_mem_ai", "ml.prediction"));
        Assert.Equal((EventKnowledge.IdOf(published), 0.95), (contribution.ContributionId, contribution.Confidence));
        Assert.Equal("positive", contribution.Content.GetProperty("prediction").GetString());
        Assert.Empty(await ContributionsAsync("ev_mem_ai", "billing.paid"));
        var found = await _silo.Memory.Query(new MemoryQuery("positive", 0, null, "ev_mem_ai", 10));
        Assert.Equal(contribution.ContributionId, Assert.Single(found.Results).Contribution.ContributionId);
    }

    [Fact]
    public async Task A_verification_moves_an_event_contribution_from_its_own_confidence()
    {
        var published = await _silo.Bus.Publish(new PublishRequest("ml.analysis", "ev_mem_prior",
            JsonSerializer.SerializeToElement(new { finding = "hot loop", confidence = 0.2 })));
        await Eventually.True(async () => (await ContributionsAsync("ev_mem_prior", "ml.analysis")).Count == 1, "the event became a contribution");

        var verified = await _silo.Memory.Verify(EventKnowledge.IdOf(published), new VerifyRequest("ev_mem_checker", true, null));

        Assert.Equal(MemoryConfidence.Compute(1, 0, 0, 0, prior: 0.2), verified.Confidence, 9); // (0.4 + 2) / 4 = 0.6
        Assert.Equal(0.6, verified.Confidence, 9);
    }

    [Fact]
    public async Task Events_without_a_usable_confidence_start_at_one_half_and_the_memorys_own_announcements_are_not_kept()
    {
        var worker = await _silo.WorkerAsync(MemoryDomainGrain.DomainId);
        var now = DateTimeOffset.UtcNow;
        var plain = new DomainEvent("ev-plain-1", "ml.training", "ev_mem_plain", JsonSerializer.SerializeToElement(new { confidence = 7 }), now, 1);
        var empty = new DomainEvent("ev-plain-2", "ml.started", "ev_mem_plain", JsonSerializer.SerializeToElement(new { }), now, 2);
        var own = new DomainEvent("ev-plain-3", "memory.contributed", "ev_mem_plain", JsonSerializer.SerializeToElement(new { contribution_id = "x" }), now, 3);

        await worker.OnEvent(plain);
        await worker.OnEvent(empty);
        await worker.OnEvent(own);

        Assert.Equal(0.5, Assert.Single(await ContributionsAsync("ev_mem_plain", "ml.training")).Confidence);
        Assert.Equal("ml.started", Assert.Single(await ContributionsAsync("ev_mem_plain", "ml.started")).Content.GetProperty("event_type").GetString());
        Assert.Empty(await ContributionsAsync("ev_mem_plain", "memory.contributed"));
    }
}
