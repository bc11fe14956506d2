namespace Rayswarm.Grains.Interfaces;

/// <summary>A page of workflows, newest first (the body of <c>GET /domains/workflows/list</c>).</summary>
/// <param name="Workflows">The page.</param>
/// <param name="Total">How many workflows match the filter.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Offset">How many matching workflows were skipped.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowPage")]
public sealed record WorkflowPage(IReadOnlyList<WorkflowSummary> Workflows, int Total, int Limit, int Offset);
