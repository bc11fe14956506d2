using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

public abstract partial class KnowledgeStoreContract
{
    [Fact]
    public async Task The_review_fields_and_the_contributor_read_back_as_stored_and_updated()
    {
        var store = await OpenAsync();
        var added = New("ai_domain", "pattern", """{"tip": "batch the writes"}""") with { ContributedBy = "carol", ReviewStatus = ReviewStatus.Pending };
        await store.AddAsync(added);
        AssertSame(added, await store.GetAsync(added.ContributionId));

        var accepted = added with
        {
            ExpertAccepts = 1, ReviewStatus = ReviewStatus.Approved, Confidence = MemoryConfidence.Corrected, UpdatedAt = added.UpdatedAt.AddMinutes(1),
        };
        await store.UpdateAsync(accepted);
        AssertSame(accepted, await store.GetAsync(added.ContributionId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpdateAsync(accepted with { ContributionId = "nope" }));
    }

    [Fact]
    public async Task A_superseded_contribution_is_not_found_by_queries_but_is_read_by_its_id()
    {
        var store = await OpenAsync();
        var old = New("ai_domain", "pattern", """{"tip": "wombat caching, first take"}""");
        var corrected = New("ai_domain", "pattern", """{"tip": "wombat caching, corrected"}""", MemoryConfidence.Corrected) with
        {
            Supersedes = old.ContributionId, ContributedBy = "alice", ExpertAccepts = 1,
        };
        await AddAsync(store, old, corrected);
        Assert.Equal([corrected.ContributionId, old.ContributionId], await FindAsync(store, "wombat"));

        var superseded = old with { ReviewStatus = ReviewStatus.Corrected, SupersededBy = corrected.ContributionId };
        await store.UpdateAsync(superseded);

        Assert.Equal([corrected.ContributionId], await FindAsync(store, "wombat"));
        Assert.Equal([corrected.ContributionId], await FindAsync(store, null));
        AssertSame(superseded, await store.GetAsync(old.ContributionId));
        AssertSame(corrected, await store.GetAsync(corrected.ContributionId));
    }

    [Fact]
    public async Task A_verification_with_its_principal_is_stored_once()
    {
        var store = await OpenAsync();
        var added = (await AddAsync(store, New("ai_domain", "pattern", """{"tip": "x"}""")))[0];
        var verified = added with { Verifications = 1, VerifiedBy = ["data_domain"], Confidence = 0.75 };

        Assert.True(await store.AddVerificationAsync(verified, "data_domain", valid: true, null, "alice"));
        Assert.False(await store.AddVerificationAsync(verified, "data_domain", valid: true, null, "bob"));
        AssertSame(verified, await store.GetAsync(added.ContributionId));
    }
}
