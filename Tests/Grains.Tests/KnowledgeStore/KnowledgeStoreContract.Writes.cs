using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

public abstract partial class KnowledgeStoreContract
{
    [Fact]
    public async Task A_contribution_reads_back_as_stored_and_an_unknown_id_is_null()
    {
        var store = await OpenAsync();
        var added = New("ai_domain", "optimization", """{"technique": "caching", "improvement": "2x faster", "nested": {"list": [1, "two"]}}""");
        await store.AddAsync(added);

        AssertSame(added, await store.GetAsync(added.ContributionId));
        Assert.Null(await store.GetAsync("nope"));
    }

    [Fact]
    public async Task A_verification_is_recorded_once_per_domain_with_the_new_counters()
    {
        var store = await OpenAsync();
        var added = (await AddAsync(store, New("ai_domain", "optimization", """{"technique": "caching"}""")))[0];
        var verified = added with
        {
            Verifications = 1, VerifiedBy = ["data_domain"], Confidence = 0.75, UpdatedAt = added.UpdatedAt.AddMinutes(1),
        };

        Assert.True(await store.AddVerificationAsync(verified, "data_domain", valid: true, "looks right"));
        Assert.False(await store.AddVerificationAsync(verified with { Verifications = 2 }, "data_domain", valid: false, null));

        AssertSame(verified, await store.GetAsync(added.ContributionId));
        var rejected = verified with { Rejections = 1, RejectedBy = ["ops_domain"], Confidence = 0.6 };
        Assert.True(await store.AddVerificationAsync(rejected, "ops_domain", valid: false, null));
        AssertSame(rejected, await store.GetAsync(added.ContributionId));
    }

    [Fact]
    public async Task Applications_are_recorded_with_the_new_counters()
    {
        var store = await OpenAsync();
        var added = (await AddAsync(store, New("ai_domain", "optimization", """{"technique": "caching"}""")))[0];
        var once = added with { Applications = 1, Successes = 1, Confidence = 2.0 / 3, UpdatedAt = added.UpdatedAt.AddSeconds(1) };
        var twice = once with { Applications = 2, Failures = 1, Confidence = 0.5, UpdatedAt = added.UpdatedAt.AddSeconds(2) };

        await store.AddApplicationAsync(once, "ops_domain", ApplyRequest.Success, "worked");
        await store.AddApplicationAsync(twice, "ai_domain", ApplyRequest.Failure, null);

        AssertSame(twice, await store.GetAsync(added.ContributionId));
    }

    [Fact]
    public async Task The_schema_is_created_once_and_a_restarted_store_sees_the_data()
    {
        var first = await OpenAsync();
        var added = (await AddAsync(first, New("ai_domain", "optimization", """{"issue": "port_timeout"}""")))[0];

        var second = await OpenAsync();

        AssertSame(added, await second.GetAsync(added.ContributionId));
        Assert.Equal([added.ContributionId], await FindAsync(second, "port timeout"));
    }

    [Fact]
    public async Task Concurrent_contributions_from_many_callers_are_all_stored()
    {
        var store = await OpenAsync();
        var contributions = Enumerable.Range(0, 40).Select(i => New($"domain-{i % 4}", "pattern", $$"""{"note": "parallel {{i}}"}""")).ToArray();

        await Task.WhenAll(contributions.Select(c => store.AddAsync(c)));

        Assert.Equal(40, (await store.GetStatsAsync()).TotalContributions);
        Assert.Equal(40, (await store.QueryAsync(new MemoryQuery("parallel", Limit: 100))).Count);
    }

    [Fact]
    public async Task Deleting_removes_the_contribution_its_search_row_verifications_and_applications_once()
    {
        var store = await OpenAsync();
        var (gone, kept) = (New("ai_domain", "optimization", """{"issue": "port_timeout"}"""), New("ai_domain", "optimization", """{"issue": "port_timeout"}"""));
        await AddAsync(store, gone, kept);
        var verified = gone with { Verifications = 1, VerifiedBy = ["data_domain"], Confidence = 0.75 };
        Assert.True(await store.AddVerificationAsync(verified, "data_domain", valid: true, null));
        await store.AddApplicationAsync(verified with { Applications = 1, Successes = 1, Confidence = 0.8 }, "ops_domain", ApplyRequest.Success, null);

        Assert.True(await store.DeleteAsync(gone.ContributionId));
        Assert.False(await store.DeleteAsync(gone.ContributionId));
        Assert.False(await store.DeleteAsync("never"));

        Assert.Null(await store.GetAsync(gone.ContributionId));
        Assert.Equal([kept.ContributionId], await FindAsync(store, "port timeout"));
        Assert.Equal([kept.ContributionId], await FindAsync(store, null));
        Assert.Equal([kept.ContributionId], (await store.GetByDomainAsync("ai_domain", 0, 10)).Contributions.Select(c => c.ContributionId));
        var stats = await store.GetStatsAsync();
        Assert.Equal((1, 0, 0), (stats.TotalContributions, stats.TotalVerifications, stats.TotalApplications));

        // Its verifications went with it: the same id stored again can be verified by the same domain.
        await store.AddAsync(gone);
        Assert.True(await store.AddVerificationAsync(verified, "data_domain", valid: true, null));
        Assert.Equal(2, (await FindAsync(store, "port timeout")).Length);
    }
}
