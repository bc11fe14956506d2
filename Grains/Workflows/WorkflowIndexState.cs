using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The durable summaries of one workflow index partition, by workflow id.</summary>
public sealed record WorkflowIndexState
{
    public Dictionary<string, WorkflowSummary> Workflows { get; init; } = new(StringComparer.Ordinal);
}
