using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The <see cref="IReviewStore"/> contract, run against SQLite and PostgreSQL, each test on a fresh database.</summary>
public abstract class ReviewStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly List<IReviewStore> _opened = [];
    private int _next;

    /// <summary>A store over this test's database; a second call is a restart (a new instance on the same data).</summary>
    protected abstract Task<IReviewStore> CreateAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable disposable) { await disposable.DisposeAsync(); }
        }
    }

    private async Task<IReviewStore> OpenAsync()
    {
        var store = await CreateAsync();
        _opened.Add(store);
        return store;
    }

    /// <summary>A pending approval of <paramref name="domain"/>, each opened later than the previous one.</summary>
    private ReviewInfo Pending(string domain = "code")
    {
        var n = Interlocked.Increment(ref _next);
        return new ReviewInfo($"apr_{n:D4}", ReviewKinds.Approval, domain, ReviewStatus.Pending, $"apply #{n}?", [$"expert:{domain}", "expert:ops"],
            $"wf_{n:D4}", "step_2", JsonSerializer.SerializeToElement(new { dependencies = new { step_1 = new { output = new { n } } } }),
            "carol", Start.AddSeconds(n), Start.AddSeconds(n).AddHours(1));
    }

    private static ReviewInfo Decided(ReviewInfo review, string status, string by, string? comment = null) =>
        review with { Status = status, DecidedAt = review.CreatedAt.AddMinutes(5), DecidedBy = by, Comment = comment };

    [Fact]
    public async Task An_opened_review_reads_back_exactly_and_opening_it_again_changes_nothing()
    {
        var store = await OpenAsync();
        var review = Pending();

        await store.OpenAsync(review);
        await store.OpenAsync(review with { Prompt = "changed" });
        var read = await store.GetAsync(review.ReviewId);

        Assert.NotNull(read);
        Assert.Equal(review.Prompt, read.Prompt);
        Assert.Equal(review.Approvers, read.Approvers);
        Assert.Equal(review.CreatedAt, read.CreatedAt);
        Assert.Equal(review.DeadlineAt, read.DeadlineAt);
        Assert.Equal("carol", read.RequestedBy);
        Assert.Equal("step_2", read.StepId);
        Assert.Equal(review.SubjectId, read.SubjectId);
        Assert.Equal(1, read.Context!.Value.GetProperty("dependencies").GetProperty("step_1").GetProperty("output").GetProperty("n").GetInt32());
        Assert.Null(read.DecidedAt);
        Assert.Null(await store.GetAsync("apr_missing"));
    }

    [Fact]
    public async Task Of_two_decisions_only_the_first_is_recorded()
    {
        var store = await OpenAsync();
        var review = Pending();
        await store.OpenAsync(review);

        Assert.True(await store.DecideAsync(Decided(review, ReviewStatus.Approved, "alice", "fine")));
        Assert.False(await store.DecideAsync(Decided(review, ReviewStatus.TimedOut, "system")));
        Assert.False(await store.DecideAsync(Decided(Pending(), ReviewStatus.Approved, "alice")));

        var read = await store.GetAsync(review.ReviewId);
        Assert.Equal(ReviewStatus.Approved, read!.Status);
        Assert.Equal("alice", read.DecidedBy);
        Assert.Equal("fine", read.Comment);
        Assert.Equal(review.CreatedAt.AddMinutes(5), read.DecidedAt);
    }

    [Fact]
    public async Task Lists_filter_by_domains_and_status_oldest_first_up_to_the_limit()
    {
        var store = await OpenAsync();
        var code1 = Pending("code");
        var docs = Pending("docs");
        var code2 = Pending("code");
        var neural = Pending("neural");
        foreach (var review in new[] { neural, code2, docs, code1 }) { await store.OpenAsync(review); }
        await store.DecideAsync(Decided(code2, ReviewStatus.Rejected, "alice"));

        Assert.Equal([code1.ReviewId, docs.ReviewId, code2.ReviewId, neural.ReviewId], (await store.ListAsync(null, null, 10)).Select(r => r.ReviewId));
        Assert.Equal([code1.ReviewId, docs.ReviewId, neural.ReviewId], (await store.ListAsync(null, ReviewStatus.Pending, 10)).Select(r => r.ReviewId));
        Assert.Equal([code1.ReviewId, docs.ReviewId], (await store.ListAsync(["code", "docs"], ReviewStatus.Pending, 10)).Select(r => r.ReviewId));
        Assert.Equal([code2.ReviewId], (await store.ListAsync(["code"], ReviewStatus.Rejected, 10)).Select(r => r.ReviewId));
        Assert.Equal([code1.ReviewId, docs.ReviewId], (await store.ListAsync(null, null, 2)).Select(r => r.ReviewId));
        Assert.Empty(await store.ListAsync([], null, 10));
    }

    [Fact]
    public async Task Reviews_survive_a_restart_of_the_store()
    {
        var review = Pending();
        await (await OpenAsync()).OpenAsync(review);

        var restarted = await OpenAsync();

        Assert.Equal(ReviewStatus.Pending, (await restarted.GetAsync(review.ReviewId))!.Status);
        Assert.True(await restarted.DecideAsync(Decided(review, ReviewStatus.Approved, "alice")));
    }

    [Fact]
    public async Task Outcomes_list_the_reviews_of_one_kind_and_domain_with_their_times()
    {
        var store = await OpenAsync();
        var approval = Pending();
        var accepted = Pending() with { ReviewId = "rev_a", Kind = ReviewKinds.Contribution };
        var waiting = Pending() with { ReviewId = "rev_b", Kind = ReviewKinds.Contribution };
        var other = Pending("docs") with { ReviewId = "rev_c", Kind = ReviewKinds.Contribution };
        foreach (var review in new[] { approval, accepted, waiting, other }) { await store.OpenAsync(review); }
        Assert.True(await store.DecideAsync(Decided(accepted, ReviewStatus.Approved, "alice")));
        Assert.True(await store.DecideAsync(Decided(approval, ReviewStatus.Rejected, "alice")));

        var outcomes = (await store.OutcomesAsync("code", ReviewKinds.Contribution)).OrderBy(o => o.CreatedAt).ToArray();

        Assert.Equal([(ReviewStatus.Approved, accepted.CreatedAt, (DateTimeOffset?)accepted.CreatedAt.AddMinutes(5)), (ReviewStatus.Pending, waiting.CreatedAt, null)], outcomes);
        Assert.Equal(3, (await store.OutcomesAsync(null, ReviewKinds.Contribution)).Count);
        Assert.Equal([ReviewStatus.Rejected], (await store.OutcomesAsync("code", ReviewKinds.Approval)).Select(o => o.Status));
    }
}
