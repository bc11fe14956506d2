using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The durable record of one workflow; <see cref="Name"/> is null until it is created. Mutated only under the
/// grain's gate (<see cref="WorkflowGrain"/>).</summary>
public sealed class WorkflowState
{
    public string? Name { get; set; }

    public string Status { get; set; } = WorkflowStatus.Created;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? Error { get; set; }

    public List<WorkflowStepState> Steps { get; set; } = [];

    public List<WorkflowAuditEntry> Audit { get; set; } = [];

    public WorkflowProof? Proof { get; set; }

    /// <summary>How many step actions have completed; gives each its <see cref="WorkflowStepState.CompletionOrder"/>.</summary>
    public int Completions { get; set; }

    /// <summary>How many compensations ran to an outcome.</summary>
    public int Compensations { get; set; }

    /// <summary>How many audit entries have been published as events (WorkflowGrain.Events); may lag after a crash.</summary>
    public int EventsPublished { get; set; }
}
