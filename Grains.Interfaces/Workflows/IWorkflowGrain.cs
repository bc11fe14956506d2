
namespace Rayswarm.Grains.Interfaces;

/// <summary>One workflow (saga), keyed by its id: its definition, step states and audit log are durable; it runs its
/// steps, compensates on failure and resumes after its silo dies (docs/workflows.md).</summary>
[Alias("rayswarm.IWorkflowGrain")]
public interface IWorkflowGrain : IGrainWithStringKey
{
    /// <summary>Creates the workflow. Throws <see cref="ArgumentException"/> naming an invalid field and
    /// <see cref="ConflictException"/> when this id already holds a workflow.</summary>
    Task<WorkflowInfo> Create(CreateWorkflowRequest request);

    /// <summary>Starts execution and returns at once. Throws <see cref="KeyNotFoundException"/> when there is no such
    /// workflow and <see cref="ConflictException"/> unless it is <see cref="WorkflowStatus.Created"/>.</summary>
    Task<WorkflowInfo> Start();

    /// <summary>Starts execution like <see cref="Start"/>, then waits up to <paramref name="wait"/> (at most
    /// <see cref="MaxWait"/>) for a terminal status, and returns the workflow as it then stands.</summary>
    [ResponseTimeout("00:02:30")]
    Task<WorkflowInfo> Execute(TimeSpan wait);

    /// <summary>The workflow as it stands, also while it runs. Throws <see cref="KeyNotFoundException"/> when there is no such workflow.</summary>
    Task<WorkflowInfo> Get();

    /// <summary>Recomputes the audit chain from the stored entries, checks the signature of its head and that stored
    /// outputs match the hashes the chain recorded. Throws <see cref="KeyNotFoundException"/> when there is no such workflow.</summary>
    Task<WorkflowVerification> Verify();

    /// <summary>The longest <see cref="Execute"/> waits.</summary>
    static TimeSpan MaxWait => TimeSpan.FromMinutes(2);
}
