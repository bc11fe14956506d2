using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The shared memory in a real silo on SQLite: contribute, query, verify, apply, pages, rankings, stats, events.</summary>
public sealed class MemoryTests : IAsyncLifetime
{
    private MemorySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await MemorySilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private ISharedMemoryGrain Memory => _silo.Memory;

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private Task<Contribution> ContributeAsync(string domain, string json, string type = "optimization") =>
        Memory.Contribute(new ContributeRequest(domain, type, Json(json)));

    [Fact]
    public async Task A_contribution_starts_at_confidence_one_half_and_reads_back()
    {
        var added = await ContributeAsync("ai_domain", """{"technique": "caching", "improvement": "2x faster"}""");

        Assert.Equal(32, added.ContributionId.Length);
        Assert.Equal(("ai_domain", "optimization", 0.5), (added.DomainId, added.ContributionType, added.Confidence));
        Assert.Equal("caching", added.Content.GetProperty("technique").GetString());
        Assert.Equal((0, 0, 0, 0, 0), (added.Verifications, added.Rejections, added.Applications, added.Successes, added.Failures));
        Assert.Equal(added.CreatedAt, added.UpdatedAt);
        var read = await Memory.Get(added.ContributionId);
        Assert.Equal(added.ContributionId, read.ContributionId);
        Assert.Equal(added.CreatedAt, read.CreatedAt);
        Assert.NotEqual(added.ContributionId, (await ContributeAsync("ai_domain", """{"a": "b"}""")).ContributionId);
    }

    [Fact]
    public async Task The_design_example_is_found_once_its_confidence_is_high_enough()
    {
        var healing = await ContributeAsync("healing_domain", """{"issue": "port_timeout", "solution": "restart_component", "success_rate": 0.95}""");
        await ContributeAsync("ai_domain", """{"technique": "caching", "improvement": "2x faster"}""");
        var query = new MemoryQuery("port timeout", MinConfidence: 0.7);
        Assert.Equal(0, (await Memory.Query(query)).Count);

        await Memory.Verify(healing.ContributionId, new VerifyRequest("monitoring_domain"));

        var result = await Memory.Query(query);
        var match = Assert.Single(result.Results);
        Assert.Equal(("port timeout", 1), (result.Query, result.Count));
        Assert.Equal(healing.ContributionId, match.Contribution.ContributionId);
        Assert.Equal(0.75, match.Contribution.Confidence, 12);
    }

    [Fact]
    public async Task Confidence_rises_with_verifications_and_successes_and_falls_with_rejections_and_failures()
    {
        var c = await ContributeAsync("ai_domain", """{"technique": "caching"}""");

        var verified = await Memory.Verify(c.ContributionId, new VerifyRequest("data_domain", true, "confirmed"));
        var succeeded = await Memory.Apply(c.ContributionId, new ApplyRequest("ops_domain", "success"));
        var failed = await Memory.Apply(c.ContributionId, new ApplyRequest("ops_domain", "failure", "did not help"));
        var rejected = await Memory.Verify(c.ContributionId, new VerifyRequest("ops_domain", false));

        Assert.Equal(3.0 / 4, verified.Confidence, 12);   // α = 1 + 2, β = 1
        Assert.Equal(4.0 / 5, succeeded.Confidence, 12);  // α = 4, β = 1
        Assert.Equal(4.0 / 6, failed.Confidence, 12);     // α = 4, β = 2
        Assert.Equal(4.0 / 8, rejected.Confidence, 12);   // α = 4, β = 4
        Assert.True(c.Confidence < verified.Confidence && verified.Confidence < succeeded.Confidence);
        Assert.True(failed.Confidence < succeeded.Confidence && rejected.Confidence < failed.Confidence);
        var stored = await Memory.Get(c.ContributionId);
        Assert.Equal((1, 1, 2, 1, 1), (stored.Verifications, stored.Rejections, stored.Applications, stored.Successes, stored.Failures));
        Assert.Equal(["data_domain"], stored.VerifiedBy);
        Assert.Equal(["ops_domain"], stored.RejectedBy);
        Assert.Equal(0.5, stored.Confidence, 12);
        Assert.True(stored.UpdatedAt >= stored.CreatedAt);
    }

    [Fact]
    public async Task A_domain_cannot_verify_its_own_contribution_nor_verify_one_twice()
    {
        var c = await ContributeAsync("ai_domain", """{"technique": "caching"}""");
        await Memory.Verify(c.ContributionId, new VerifyRequest("data_domain"));

        var own = await Assert.ThrowsAsync<ConflictException>(() => Memory.Verify(c.ContributionId, new VerifyRequest("ai_domain")));
        var twice = await Assert.ThrowsAsync<ConflictException>(() => Memory.Verify(c.ContributionId, new VerifyRequest("data_domain", false)));

        Assert.Contains("ai_domain", own.Message);
        Assert.Contains("already verified", twice.Message);
        var stored = await Memory.Get(c.ContributionId);
        Assert.Equal((1, 0, 0.75), (stored.Verifications, stored.Rejections, stored.Confidence));
    }

    [Fact]
    public async Task An_unknown_contribution_is_not_found()
    {
        var get = await Assert.ThrowsAsync<KeyNotFoundException>(() => Memory.Get("ghost"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Memory.Verify("ghost", new VerifyRequest("a")));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Memory.Apply("ghost", new ApplyRequest("a", "success")));
        Assert.Contains("ghost", get.Message);
    }

    [Fact]
    public async Task Concurrent_applications_of_one_contribution_are_all_counted()
    {
        var c = await ContributeAsync("ai_domain", """{"technique": "caching"}""");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Memory.Apply(c.ContributionId, new ApplyRequest($"domain-{i}", i % 4 == 0 ? "failure" : "success"))));

        var stored = await Memory.Get(c.ContributionId);
        Assert.Equal((20, 15, 5), (stored.Applications, stored.Successes, stored.Failures));
        Assert.Equal(MemoryConfidence.Compute(0, 0, 15, 5), stored.Confidence, 12);
    }

    [Fact]
    public async Task Domain_pages_top_contributors_and_stats_reflect_the_contributions()
    {
        var a1 = await ContributeAsync("a", """{"n": "1"}""");
        var a2 = await ContributeAsync("a", """{"n": "2"}""", "pattern");
        await ContributeAsync("b", """{"n": "3"}""");
        await Memory.Verify(a1.ContributionId, new VerifyRequest("b"));
        await Memory.Apply(a2.ContributionId, new ApplyRequest("b", "success"));

        var page = await Memory.GetDomainContributions("a", 0, 20);
        var top = await Memory.GetTopContributors(10);
        var stats = await Memory.GetStats();

        Assert.Equal([a2.ContributionId, a1.ContributionId], page.Contributions.Select(c => c.ContributionId));
        Assert.Equal(2, page.Total);
        Assert.Equal(["a", "b"], top.Select(t => t.DomainId));
        Assert.Equal(("a", 2, 1, 1), (top[0].DomainId, top[0].Contributions, top[0].VerificationsReceived, top[0].SuccessfulApplications));
        Assert.Equal((0.75 + (2.0 / 3)) / 2, top[0].AverageConfidence, 12);
        Assert.Equal((3, 2, 1, 1, 1.0), (stats.TotalContributions, stats.TotalDomains, stats.TotalVerifications, stats.TotalApplications, stats.SuccessRate));
        Assert.Equal(2, stats.ByType["optimization"]);
        Assert.Equal(1, stats.ByType["pattern"]);
    }

    [Fact]
    public async Task Contributions_verifications_and_applications_are_announced_on_the_event_bus()
    {
        var c = await ContributeAsync("ai_domain", """{"technique": "caching"}""");
        await Memory.Verify(c.ContributionId, new VerifyRequest("data_domain"));
        await Memory.Apply(c.ContributionId, new ApplyRequest("ops_domain", "failure"));

        var history = await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, "memory.*");

        Assert.Equal([MemoryEvents.Contributed, MemoryEvents.Verified, MemoryEvents.Applied], history.Events.Select(e => e.Stream.GetKeyAsString()));
        var data = history.Events.Select(e => e.As<JsonElement>()).ToArray();
        Assert.All(data, d => Assert.Equal(c.ContributionId, d.GetProperty("contribution_id").GetString()));
        Assert.Equal(("ai_domain", "optimization", 0.5), (data[0].GetProperty("source_domain").GetString(), data[0].GetProperty("contribution_type").GetString(), data[0].GetProperty("confidence").GetDouble()));
        Assert.Equal(("data_domain", true, 0.75), (data[1].GetProperty("verifier_domain").GetString(), data[1].GetProperty("valid").GetBoolean(), data[1].GetProperty("confidence").GetDouble()));
        Assert.Equal(("ops_domain", "failure"), (data[2].GetProperty("applied_by").GetString(), data[2].GetProperty("outcome").GetString()));
    }
}
