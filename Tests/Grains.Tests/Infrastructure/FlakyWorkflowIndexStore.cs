using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A workflow index over a real store whose upserts fail while <see cref="FailWhen"/> says so, as a silo that dies
/// between the state write and the row write (or a database that is down) leaves the row unwritten.</summary>
public sealed class FlakyWorkflowIndexStore(IWorkflowIndexStore inner) : IWorkflowIndexStore
{
    private int _failures;

    /// <summary>Which upserts fail; none by default.</summary>
    public Func<WorkflowSummary, bool> FailWhen { get; set; } = _ => false;

    /// <summary>How many upserts failed.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Replaces the registered index store by this decorator over a SQLite index at <paramref name="databasePath"/>.</summary>
    public static FlakyWorkflowIndexStore Over(IServiceCollection services, string databasePath)
    {
        var store = new FlakyWorkflowIndexStore(new SqliteWorkflowIndexStore(new SqliteStorageOptions { DatabasePath = databasePath }));
        services.Replace(ServiceDescriptor.Singleton<IWorkflowIndexStore>(store));
        return store;
    }

    public Task UpsertAsync(WorkflowSummary summary, CancellationToken cancellationToken = default)
    {
        if (!FailWhen(summary)) { return inner.UpsertAsync(summary, cancellationToken); }
        Interlocked.Increment(ref _failures);
        return Task.FromException(new ClusterUnavailableException($"test: the index row of {summary.WorkflowId} ({summary.Status}) was not written"));
    }

    public Task<WorkflowSummary?> GetAsync(string workflowId, CancellationToken cancellationToken = default) => inner.GetAsync(workflowId, cancellationToken);

    public Task<WorkflowPage> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken = default) =>
        inner.ListAsync(status, limit, offset, cancellationToken);

    public Task<WorkflowStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);
}
