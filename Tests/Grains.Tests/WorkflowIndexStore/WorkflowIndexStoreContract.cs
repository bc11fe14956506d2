using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The <see cref="IWorkflowIndexStore"/> contract, run against SQLite and PostgreSQL, each test on a fresh database.</summary>
public abstract class WorkflowIndexStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly List<IWorkflowIndexStore> _opened = [];
    private int _next;

    /// <summary>A store over this test's database; a second call is a restart (a new instance on the same data).</summary>
    protected abstract Task<IWorkflowIndexStore> CreateAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable disposable) { await disposable.DisposeAsync(); }
        }
    }

    private async Task<IWorkflowIndexStore> OpenAsync()
    {
        var store = await CreateAsync();
        _opened.Add(store);
        return store;
    }

    /// <summary>A created workflow's summary, each created later than the previous one.</summary>
    private WorkflowSummary Created(string? id = null, string name = "flow", int steps = 3)
    {
        var n = Interlocked.Increment(ref _next);
        return new WorkflowSummary(id ?? $"wf_{n:D4}", name, WorkflowStatus.Created, Start.AddSeconds(n), null, null, steps, 0, 0, null, 1);
    }

    private static WorkflowSummary Running(WorkflowSummary s) =>
        s with { Status = WorkflowStatus.Running, StartedAt = s.CreatedAt.AddMilliseconds(10), Version = 3 };

    private static WorkflowSummary Finished(WorkflowSummary s, string status, double durationMs, int completed, int compensations = 0, string? error = null) =>
        Running(s) with
        {
            Status = status, FinishedAt = s.CreatedAt.AddMilliseconds(10 + durationMs), StepsCompleted = completed,
            Compensations = compensations, Error = error, Version = 9,
        };

    private static async Task UpsertAsync(IWorkflowIndexStore store, params WorkflowSummary[] rows)
    {
        foreach (var row in rows) { await store.UpsertAsync(row); }
    }

    [Fact]
    public async Task An_empty_index_lists_nothing_and_counts_zero_for_every_status()
    {
        var store = await OpenAsync();

        var page = await store.ListAsync(null, 10, 0);
        var stats = await store.GetStatsAsync();

        Assert.Empty(page.Workflows);
        Assert.Equal((0, 10, 0), (page.Total, page.Limit, page.Offset));
        Assert.Equal(0, stats.TotalWorkflows);
        Assert.Equal(WorkflowStatus.All, stats.ByStatus.Keys);
        Assert.All(stats.ByStatus.Values, v => Assert.Equal(0, v));
        Assert.Equal((0, 0, 0.0, 0), (stats.StepsCompleted, stats.Compensations, stats.AverageDurationMs, stats.ActiveWorkflows));
    }

    [Fact]
    public async Task One_row_reads_back_by_id_and_a_missing_one_is_null()
    {
        var store = await OpenAsync();
        var created = Created();
        var failed = Finished(Created(), WorkflowStatus.Failed, 12.5, completed: 1, compensations: 1, error: "step 'step_2' failed");
        await UpsertAsync(store, created, failed);

        Assert.Equal(created, await store.GetAsync(created.WorkflowId));
        Assert.Equal(failed, await store.GetAsync(failed.WorkflowId));
        Assert.Null(await store.GetAsync("wf_missing"));
    }

    [Fact]
    public async Task A_row_reads_back_as_upserted_with_nulls_and_survives_a_restart()
    {
        var store = await OpenAsync();
        var created = Created(name: "with \"quotes\" and ünïcode");
        var failed = Finished(Created(), WorkflowStatus.Failed, 1234.5, completed: 2, compensations: 2, error: "step 'step_3' failed; compensation of step 'step_1' failed");
        await UpsertAsync(store, created, failed);

        Assert.Equal([failed, created], (await store.ListAsync(null, 10, 0)).Workflows);
        Assert.Equal([failed, created], (await (await OpenAsync()).ListAsync(null, 10, 0)).Workflows);
    }

    [Fact]
    public async Task Only_a_newer_version_replaces_a_row()
    {
        var store = await OpenAsync();
        var created = Created();
        var running = Running(created);
        var completed = Finished(created, WorkflowStatus.Completed, 50, completed: 3);

        await UpsertAsync(store, created, completed, running, created, completed with { Name = "same version" });

        var page = await store.ListAsync(null, 10, 0);
        Assert.Equal([completed], page.Workflows);
        await store.UpsertAsync(completed with { Version = 10, Status = WorkflowStatus.Failed });
        Assert.Equal(WorkflowStatus.Failed, Assert.Single((await store.ListAsync(null, 10, 0)).Workflows).Status);
    }

    [Fact]
    public async Task Concurrent_upserts_all_land_and_each_row_keeps_its_newest_version()
    {
        var store = await OpenAsync();
        var workflows = Enumerable.Range(0, 150).Select(_ => Created()).ToArray();
        var versions = workflows.SelectMany(w => new[] { w, Running(w), Finished(w, WorkflowStatus.Completed, 20, completed: 3) })
            .OrderBy(_ => Random.Shared.Next()).ToArray();

        await Task.WhenAll(versions.Select(v => Task.Run(() => store.UpsertAsync(v))));

        var page = await store.ListAsync(null, 1000, 0);
        Assert.Equal(150, page.Total);
        Assert.All(page.Workflows, w => Assert.Equal((WorkflowStatus.Completed, 9), (w.Status, w.Version)));
        Assert.Equal(150, (await store.GetStatsAsync()).ByStatus[WorkflowStatus.Completed]);
    }

    [Fact]
    public async Task Lists_filter_by_status_page_newest_first_and_break_ties_by_id_in_byte_order()
    {
        var store = await OpenAsync();
        var a = Created();
        var b = Finished(Created(), WorkflowStatus.Completed, 10, completed: 3);
        var c = Running(Created());
        var d = Finished(Created(), WorkflowStatus.Completed, 10, completed: 3);
        // Same creation time as d: ordered by id, "Z" (0x5A) before "a" (0x61) in byte order.
        var tieUpper = d with { WorkflowId = "wf_Z" };
        var tieLower = d with { WorkflowId = "wf_a" };
        await UpsertAsync(store, a, b, c, d, tieLower, tieUpper);

        var all = await store.ListAsync(null, 10, 0);
        var completed = await store.ListAsync(WorkflowStatus.Completed, 2, 1);
        var none = await store.ListAsync(WorkflowStatus.RolledBack, 10, 0);
        var beyond = await store.ListAsync(null, 10, 6);

        Assert.Equal([d.WorkflowId, tieUpper.WorkflowId, tieLower.WorkflowId, c.WorkflowId, b.WorkflowId, a.WorkflowId],
            all.Workflows.Select(w => w.WorkflowId));
        Assert.Equal(6, all.Total);
        Assert.Equal([tieUpper.WorkflowId, tieLower.WorkflowId], completed.Workflows.Select(w => w.WorkflowId));
        Assert.Equal((4, 2, 1), (completed.Total, completed.Limit, completed.Offset));
        Assert.Empty(none.Workflows);
        Assert.Equal(0, none.Total);
        Assert.Empty(beyond.Workflows);
        Assert.Equal(6, beyond.Total);
    }

    [Fact]
    public async Task Stats_count_by_status_and_average_the_duration_of_finished_workflows()
    {
        var store = await OpenAsync();
        await UpsertAsync(store,
            Created(),
            Running(Created()) with { StepsCompleted = 1 },
            Running(Created()) with { Status = WorkflowStatus.RollingBack, StepsCompleted = 1, Compensations = 1 },
            Finished(Created(), WorkflowStatus.Completed, 100, completed: 3),
            Finished(Created(), WorkflowStatus.RolledBack, 200, completed: 2, compensations: 2, error: "step failed"),
            Finished(Created(), WorkflowStatus.Failed, 600, completed: 1, compensations: 1, error: "compensation failed"));

        var stats = await store.GetStatsAsync();

        Assert.Equal(6, stats.TotalWorkflows);
        Assert.Equal(WorkflowStatus.All, stats.ByStatus.Keys);
        Assert.All(stats.ByStatus.Values, v => Assert.Equal(1, v));
        Assert.Equal(8, stats.StepsCompleted);
        Assert.Equal(4, stats.Compensations);
        Assert.Equal(300, stats.AverageDurationMs, precision: 6);
        Assert.Equal(2, stats.ActiveWorkflows);
        Assert.Equal(1, stats.Partitions);
    }
}
