using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

public abstract partial class KnowledgeStoreContract
{
    [Fact]
    public async Task Words_joined_by_underscores_are_found_by_the_separate_words()
    {
        var store = await OpenAsync();
        var healing = (await AddAsync(store,
            New("healing_domain", "optimization", """{"issue": "port_timeout", "solution": "restart_component", "success_rate": 0.95}"""),
            New("ai_domain", "optimization", """{"technique": "caching", "improvement": "2x faster"}""")))[0];

        Assert.Equal([healing.ContributionId], await FindAsync(store, "port timeout"));
        Assert.Equal([healing.ContributionId], await FindAsync(store, "timeout port"));
        Assert.Equal([healing.ContributionId], await FindAsync(store, "port_timeout"));
        Assert.Equal([healing.ContributionId], await FindAsync(store, "RESTART"));
        Assert.Empty(await FindAsync(store, "port banana"));
    }

    [Fact]
    public async Task The_type_keys_and_stemmed_words_are_searchable_but_numbers_are_not()
    {
        var store = await OpenAsync();
        var caching = (await AddAsync(store, New("ai_domain", "optimization", """{"technique": "caching", "gain": 2}""")))[0];

        Assert.Equal([caching.ContributionId], await FindAsync(store, "optimization"));
        Assert.Equal([caching.ContributionId], await FindAsync(store, "technique"));
        Assert.Equal([caching.ContributionId], await FindAsync(store, "cache"));
        Assert.Empty(await FindAsync(store, "2"));
    }

    [Fact]
    public async Task Results_are_ranked_by_relevance_times_confidence()
    {
        var store = await OpenAsync();
        var low = New("a", "tip", """{"text": "timeout"}""", confidence: 0.3);
        var high = New("b", "tip", """{"text": "timeout"}""", confidence: 0.9);
        var middle = New("c", "tip", """{"text": "timeout"}""", confidence: 0.6);
        await AddAsync(store, low, high, middle);

        var matches = await store.QueryAsync(new MemoryQuery("timeout"));

        Assert.Equal([high.ContributionId, middle.ContributionId, low.ContributionId], matches.Select(m => m.Contribution.ContributionId));
        Assert.All(matches, m =>
        {
            Assert.InRange(m.Relevance, double.Epsilon, 1);
            Assert.Equal(m.Relevance * m.Contribution.Confidence, m.Score, 12);
        });
    }

    [Fact]
    public async Task At_equal_confidence_the_more_relevant_contribution_ranks_first()
    {
        var store = await OpenAsync();
        var focused = New("a", "tip", """{"text": "timeout timeout timeout"}""");
        var passing = New("b", "tip", """{"text": "a long note about many other things which mentions a timeout once among plenty of unrelated words"}""");
        await AddAsync(store, passing, focused);

        var matches = await store.QueryAsync(new MemoryQuery("timeout"));

        Assert.Equal([focused.ContributionId, passing.ContributionId], matches.Select(m => m.Contribution.ContributionId));
        Assert.Equal(1, matches[0].Relevance, 12); // the best textual match
        Assert.InRange(matches[1].Relevance, double.Epsilon, 0.999);
    }

    [Fact]
    public async Task Min_confidence_type_domain_and_limit_filter_the_results()
    {
        var store = await OpenAsync();
        var a = New("ai_domain", "optimization", """{"text": "cache"}""", confidence: 0.8);
        var b = New("ai_domain", "pattern", """{"text": "cache"}""", confidence: 0.7);
        var c = New("data_domain", "optimization", """{"text": "cache"}""", confidence: 0.5);
        await AddAsync(store, a, b, c);

        Assert.Equal([a.ContributionId, b.ContributionId], await FindAsync(store, "cache", minConfidence: 0.7));
        Assert.Equal([a.ContributionId, c.ContributionId], await FindAsync(store, "cache", type: "optimization"));
        Assert.Equal([c.ContributionId], await FindAsync(store, "cache", domain: "data_domain"));
        Assert.Equal([a.ContributionId], await FindAsync(store, "cache", limit: 1));
        Assert.Empty(await FindAsync(store, "cache", minConfidence: 0.9));
    }

    [Fact]
    public async Task A_query_without_words_lists_by_confidence_then_newest_first()
    {
        var store = await OpenAsync();
        var older = New("a", "tip", """{"text": "x"}""", confidence: 0.5);
        var newer = New("b", "tip", """{"text": "y"}""", confidence: 0.5);
        var best = New("c", "tip", """{"text": "z"}""", confidence: 0.75);
        await AddAsync(store, older, newer, best);

        var matches = await store.QueryAsync(new MemoryQuery("  ?! "));

        Assert.Equal([best.ContributionId, newer.ContributionId, older.ContributionId], matches.Select(m => m.Contribution.ContributionId));
        Assert.All(matches, m => Assert.Equal(1, m.Relevance));
        Assert.Equal([best.ContributionId, newer.ContributionId, older.ContributionId], await FindAsync(store, null));
    }

    [Fact]
    public async Task A_domains_contributions_come_newest_first_in_pages()
    {
        var store = await OpenAsync();
        var mine = Enumerable.Range(0, 5).Select(i => New("ai_domain", "tip", $$"""{"n": "{{i}}"}""")).ToArray();
        await AddAsync(store, [.. mine, New("other", "tip", """{"n": "x"}""")]);

        var first = await store.GetByDomainAsync("ai_domain", 0, 2);
        var last = await store.GetByDomainAsync("ai_domain", 4, 2);

        Assert.Equal(5, first.Total);
        Assert.Equal([mine[4].ContributionId, mine[3].ContributionId], first.Contributions.Select(c => c.ContributionId));
        Assert.Equal([mine[0].ContributionId], last.Contributions.Select(c => c.ContributionId));
        Assert.Equal((4, 2), (last.Offset, last.Limit));
        Assert.Equal(0, (await store.GetByDomainAsync("nobody", 0, 10)).Total);
    }

    [Fact]
    public async Task Top_contributors_rank_domains_by_contribution_count()
    {
        var store = await OpenAsync();
        var b1 = New("b", "tip", """{"n": "1"}""", confidence: 0.5);
        var b2 = New("b", "tip", """{"n": "2"}""", confidence: 0.5);
        await AddAsync(store, New("a", "tip", """{"n": "1"}"""), b1, b2, New("c", "tip", """{"n": "1"}"""), New("c", "tip", """{"n": "2"}"""));
        await store.AddVerificationAsync(b1 with { Verifications = 1, VerifiedBy = ["a"], Confidence = 0.75 }, "a", true, null);
        await store.AddApplicationAsync(b2 with { Applications = 1, Successes = 1, Confidence = 0.75 }, "a", ApplyRequest.Success, null);

        var top = await store.GetTopContributorsAsync(2);

        Assert.Equal([new TopContributor("b", 2, 0.75, 1, 1), new TopContributor("c", 2, 0.5, 0, 0)], top);
    }

    [Fact]
    public async Task Stats_total_the_whole_memory()
    {
        var store = await OpenAsync();
        Assert.Equal(0, (await store.GetStatsAsync()).TotalContributions);
        var a = New("a", "optimization", """{"n": "1"}""");
        await AddAsync(store, a, New("a", "pattern", """{"n": "2"}"""), New("b", "optimization", """{"n": "3"}"""));
        await store.AddVerificationAsync(a with { Verifications = 1, VerifiedBy = ["b"], Confidence = 0.75 }, "b", true, null);
        await store.AddVerificationAsync(a with { Verifications = 1, VerifiedBy = ["b"], Rejections = 1, RejectedBy = ["c"], Confidence = 0.5 }, "c", false, null);
        await store.AddApplicationAsync(a with { Verifications = 1, VerifiedBy = ["b"], Rejections = 1, RejectedBy = ["c"], Applications = 2, Successes = 1, Failures = 1, Confidence = 0.5 }, "b", ApplyRequest.Success, null);

        var stats = await store.GetStatsAsync();

        Assert.Equal((3, 2, 2, 1, 2, 1), (stats.TotalContributions, stats.TotalDomains, stats.TotalVerifications, stats.TotalRejections, stats.TotalApplications, stats.SuccessfulApplications));
        Assert.Equal(0.5, stats.SuccessRate, 12);
        Assert.Equal(0.5, stats.AverageConfidence, 12);
        Assert.Equal(new Dictionary<string, int> { ["optimization"] = 2, ["pattern"] = 1 }, stats.ByType);
    }

    [Fact]
    public async Task The_confidence_distribution_counts_contributions_per_tenth_with_one_in_the_last()
    {
        var store = await OpenAsync();
        Assert.Equal(new int[10], (await store.GetConfidenceDistributionAsync()).Buckets.Select(b => b.Count));
        await AddAsync(store,
            New("a", "tip", """{"n": "1"}""", confidence: 0.0),
            New("a", "tip", """{"n": "2"}""", confidence: 0.1),
            New("a", "tip", """{"n": "3"}""", confidence: 0.5),
            New("b", "tip", """{"n": "4"}""", confidence: 0.5),
            New("b", "tip", """{"n": "5"}""", confidence: 0.75),
            New("b", "tip", """{"n": "6"}""", confidence: 0.9),
            New("c", "tip", """{"n": "7"}""", confidence: 1.0));

        var distribution = await store.GetConfidenceDistributionAsync();

        Assert.Equal([1, 1, 0, 0, 0, 2, 0, 1, 0, 2], distribution.Buckets.Select(b => b.Count));
        Assert.Equal(7, distribution.Total);
        Assert.Equal((0.0, 0.1), (distribution.Buckets[0].From, distribution.Buckets[0].To));
        Assert.Equal((0.9, 1.0), (distribution.Buckets[9].From, distribution.Buckets[9].To));
    }
}
