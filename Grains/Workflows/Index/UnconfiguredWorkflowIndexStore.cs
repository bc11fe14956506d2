using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Stands in when the host chose no workflow index: every call fails saying how to choose one (no silent
/// in-memory fallback).</summary>
internal sealed class UnconfiguredWorkflowIndexStore : IWorkflowIndexStore
{
    public static readonly UnconfiguredWorkflowIndexStore Instance = new();

    public const string Message =
        "The workflows have no index store: call AddSqliteWorkflowIndex(path) or AddPostgresWorkflowIndex(connectionString) on the silo's services.";

    public Task UpsertAsync(WorkflowSummary summary, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<WorkflowSummary?> GetAsync(string workflowId, CancellationToken cancellationToken = default) => Fail<WorkflowSummary?>();

    public Task<WorkflowPage> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken = default) => Fail<WorkflowPage>();

    public Task<WorkflowStats> GetStatsAsync(CancellationToken cancellationToken = default) => Fail<WorkflowStats>();

    private static Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException(Message));
}
