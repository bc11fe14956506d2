using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Bad input to the shared memory is refused with an <see cref="ArgumentException"/> naming the field, and a
/// silo without a knowledge store says how to configure one.</summary>
public sealed class MemoryValidationTests : IAsyncLifetime
{
    private MemorySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await MemorySilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("", "optimization", """{"a": "b"}""", "domain_id")]
    [InlineData("has space", "optimization", """{"a": "b"}""", "domain_id")]
    [InlineData("ai_domain", "", """{"a": "b"}""", "contribution_type")]
    [InlineData("ai_domain", "two words", """{"a": "b"}""", "contribution_type")]
    [InlineData("ai_domain", "optimization", """["a"]""", "content")]
    [InlineData("ai_domain", "optimization", "\"text\"", "content")]
    [InlineData("ai_domain", "optimization", "{}", "content")]
    public async Task Invalid_contributions_are_refused_naming_the_field(string domain, string type, string content, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Contribute(new ContributeRequest(domain, type, Json(content))));

        Assert.StartsWith(field, error.Message);
        Assert.Equal(0, (await _silo.Memory.GetStats()).TotalContributions);
    }

    [Fact]
    public async Task Missing_content_a_long_type_and_oversized_content_are_refused()
    {
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Contribute(new ContributeRequest("a", "t", default)));
        var longType = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Contribute(new ContributeRequest("a", new string('t', 101), Json("""{"a": "b"}"""))));
        var big = Json(JsonSerializer.Serialize(new { text = new string('x', ContributeRequest.MaxContentBytes) }));
        var oversized = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Contribute(new ContributeRequest("a", "t", big)));

        Assert.StartsWith("content", missing.Message);
        Assert.StartsWith("contribution_type", longType.Message);
        Assert.StartsWith("content", oversized.Message);
        await _silo.Memory.Contribute(new ContributeRequest("a", new string('t', 100), Json("""{"a": "b"}""")));
    }

    [Fact]
    public async Task Invalid_verifications_and_applications_are_refused_naming_the_field()
    {
        var c = await _silo.Memory.Contribute(new ContributeRequest("a", "t", Json("""{"a": "b"}""")));

        var outcome = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Apply(c.ContributionId, new ApplyRequest("b", "maybe")));
        var applier = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Apply(c.ContributionId, new ApplyRequest("", "success")));
        var verifier = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Verify(c.ContributionId, new VerifyRequest("no way")));
        var notes = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Verify(c.ContributionId, new VerifyRequest("b", true, new string('n', 4001))));
        var id = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Verify(" ", new VerifyRequest("b")));

        Assert.StartsWith("outcome", outcome.Message);
        Assert.StartsWith("domain_id", applier.Message);
        Assert.StartsWith("domain_id", verifier.Message);
        Assert.StartsWith("notes", notes.Message);
        Assert.StartsWith("contribution_id", id.Message);
        Assert.Equal(0.5, (await _silo.Memory.Get(c.ContributionId)).Confidence);
    }

    [Theory]
    [InlineData(-0.1, 20, "min_confidence")]
    [InlineData(1.5, 20, "min_confidence")]
    [InlineData(double.NaN, 20, "min_confidence")]
    [InlineData(0, 0, "limit")]
    [InlineData(0, 101, "limit")]
    public async Task Invalid_queries_are_refused_naming_the_field(double minConfidence, int limit, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Query(new MemoryQuery("x", minConfidence, Limit: limit)));
        Assert.StartsWith(field, error.Message);
    }

    [Fact]
    public async Task Invalid_query_filters_and_pages_are_refused_naming_the_field()
    {
        Assert.StartsWith("contribution_type", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Query(new MemoryQuery("x", ContributionType: "a b")))).Message);
        Assert.StartsWith("domain_id", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Query(new MemoryQuery("x", DomainId: "a/b")))).Message);
        Assert.StartsWith("query", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Query(new MemoryQuery(new string('q', 1001))))).Message);
        Assert.StartsWith("offset", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.GetDomainContributions("a", -1, 20))).Message);
        Assert.StartsWith("limit", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.GetDomainContributions("a", 0, 0))).Message);
        Assert.StartsWith("domain_id", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.GetDomainContributions("", 0, 20))).Message);
        Assert.StartsWith("limit", (await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.GetTopContributors(101))).Message);
    }

    [Fact]
    public async Task Without_a_knowledge_store_the_shared_memory_says_how_to_configure_one()
    {
        await using var bare = await MemorySilo.StartAsync(withStore: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bare.Memory.Contribute(new ContributeRequest("a", "t", Json("""{"a": "b"}"""))));

        Assert.Contains("AddSqliteKnowledgeStore", error.Message);
        Assert.Contains("AddPostgresKnowledgeStore", (await Assert.ThrowsAsync<InvalidOperationException>(() => bare.Memory.GetStats())).Message);
    }
}
