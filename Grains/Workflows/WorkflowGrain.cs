using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// One workflow (saga). The class is [Reentrant] so that <see cref="Get"/>, <see cref="Verify"/> and the wait of
/// <see cref="Execute"/> answer while its steps run (reads wait only for a transition being written); every method that
/// changes the state holds <see cref="_gate"/>
/// for its whole turn instead, so state changes, writes and reminder/index updates happen one transition at a time,
/// as in a non-reentrant grain. Status changes are upserted into the index store (<see cref="IWorkflowIndexStore"/>). Step actions and compensations run outside the grain's turns (thread pool) and report
/// back through <see cref="IWorkflowRunGrain"/> calls; each transition is written (with its audit entries and a new
/// signed head) before the work it starts is launched, so a step's output is durable before its dependents start.
/// </summary>
[Reentrant]
[GrainType("workflow")]
public sealed partial class WorkflowGrain(
    [PersistentState("workflow", "Default")] IPersistentState<WorkflowState> state,
    WorkflowStepRunner runner,
    WorkflowSigner signer,
    IWorkflowIndexStore index,
    WorkflowOptions? options = null,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null,
    ILogger<WorkflowGrain>? logger = null,
    RayswarmMetrics? metrics = null) : Grain, IWorkflowGrain, IWorkflowRunGrain, IRemindable
{
    private readonly WorkflowOptions _options = options ?? new WorkflowOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskCompletionSource? _finished;

    private string WorkflowId => this.GetPrimaryKeyString();

    private WorkflowState S => state.State;

    private bool Exists => S.Name is not null;

    public async Task<WorkflowInfo> Create(CreateWorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        var ids = request.Validate();
        await _gate.WaitAsync();
        try
        {
            ThrowIfBroken();
            if (Exists) { throw new ConflictException($"Workflow '{WorkflowId}' already exists."); }
            var now = _time.GetUtcNow();
            S.Name = request.Name;
            S.CreatedAt = now;
            S.Status = WorkflowStatus.Created;
            S.Steps = [.. request.Steps.Select((step, i) => new WorkflowStepState
            {
                StepId = ids[i],
                DomainId = step.DomainId ?? "",
                Capability = step.Capability,
                Strategy = step.Capability is null ? null : step.Strategy ?? RoutingStrategies.LeastLoaded,
                Action = step.IsApproval ? ApprovalSteps.ActionName : step.Action,
                Data = step.Data,
                DependsOn = [.. (step.DependsOn ?? []).Distinct(StringComparer.Ordinal)],
                TimeoutSeconds = step.TimeoutSeconds,
                Type = step.IsApproval ? ApprovalSteps.Type : null,
                Prompt = step.IsApproval ? step.Prompt : null,
                ApprovalTimeoutSeconds = step.IsApproval ? ApprovalSteps.TimeoutOf(step, i).TotalSeconds : null,
                Approvers = step.IsApproval ? [.. ApprovalSteps.ApproversOf(step)] : null,
            })];
            Append(now, WorkflowAuditTypes.Created, detail: $"workflow '{S.Name}' with {S.Steps.Count} step(s)",
                dataHash: WorkflowAudit.DefinitionHash(WorkflowId, S.Name, S.Steps), actor: Caller.Name);
            await PersistAsync();
            await index.UpsertAsync(Summary());
            return ToInfo();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<WorkflowInfo> Start()
    {
        await StartAsync();
        return ToInfo();
    }

    public async Task<WorkflowInfo> Execute(TimeSpan wait)
    {
        await StartAsync();
        if (wait > IWorkflowGrain.MaxWait) { wait = IWorkflowGrain.MaxWait; }
        if (wait > TimeSpan.Zero && !WorkflowStatus.IsTerminal(S.Status))
        {
            try
            {
                await (_finished ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(wait, _time);
            }
            catch (TimeoutException)
            {
                // still running: the caller gets the current state (HTTP 202)
            }
        }
        return ToInfo();
    }

    public Task<WorkflowInfo> Get() => ReadAsync(ToInfo);

    public Task<WorkflowVerification> Verify() => ReadAsync(VerifyWritten);

    /// <summary>A read between transitions: it waits for a transition being written (a few milliseconds), so it shows what is
    /// written, never a transition half made (a step waiting whose review is not written yet, an audit ahead of its proof).</summary>
    private async Task<T> ReadAsync<T>(Func<T> read)
    {
        await _gate.WaitAsync();
        try
        {
            ThrowIfMissing();
            return read();
        }
        finally
        {
            _gate.Release();
        }
    }

    private WorkflowVerification VerifyWritten()
    {
        var problems = new List<string>();
        var head = WorkflowAudit.CheckChain(S.Audit, problems);
        var chainValid = problems.Count == 0;
        var proof = S.Proof;
        if (proof is null) { problems.Add("proof is missing."); }
        else if (proof.HeadHash != head) { problems.Add($"proof.head_hash is {proof.HeadHash} but the audit's head recomputes to {head}."); }
        var signatureValid = proof is not null && signer.Verify(WorkflowId, head, proof.Signature);
        if (proof is not null && !signatureValid) { problems.Add("proof.signature does not verify over the recomputed head with this cluster's key."); }
        CheckRecordedData(problems);
        CheckDecisions(problems);
        return new WorkflowVerification(WorkflowId, chainValid && signatureValid && problems.Count == 0, S.Audit.Count, head,
            signatureValid, chainValid, problems);
    }

    /// <summary>The definition and every output must hash to what the chain recorded when they were produced.</summary>
    private void CheckRecordedData(List<string> problems)
    {
        var created = S.Audit.FirstOrDefault(e => e.Type == WorkflowAuditTypes.Created);
        if (created is null || created.DataHash != WorkflowAudit.DefinitionHash(WorkflowId, S.Name!, S.Steps))
        {
            problems.Add("the definition (name, steps) does not match the hash recorded by the created entry.");
        }
        foreach (var step in S.Steps)
        {
            var recorded = S.Audit.LastOrDefault(e => e.Type == WorkflowAuditTypes.StepCompleted && e.StepId == step.StepId);
            if (recorded is null)
            {
                if (step.CompletionOrder is not null) { problems.Add($"steps[{step.StepId}] completed but the audit has no step_completed entry for it."); }
                continue;
            }
            if (recorded.DataHash != CanonicalJson.Hash(step.Output))
            {
                problems.Add($"steps[{step.StepId}].output does not match the hash recorded by audit[{recorded.Index}].");
            }
        }
    }

    private void ThrowIfMissing()
    {
        if (!Exists) { throw new KeyNotFoundException($"Workflow '{WorkflowId}' does not exist."); }
    }

    private WorkflowInfo ToInfo() =>
        new(WorkflowId, S.Name!, S.Status, S.CreatedAt, S.StartedAt, S.FinishedAt, S.Error,
            [.. S.Steps.Select(s => s.ToInfo())], [.. S.Audit], S.Proof!);

    private WorkflowSummary Summary() =>
        new(WorkflowId, S.Name!, S.Status, S.CreatedAt, S.StartedAt, S.FinishedAt, S.Steps.Count,
            S.Steps.Count(s => s.CompletionOrder is not null), S.Compensations, S.Error, S.Audit.Count);

    private void Append(DateTimeOffset now, string type, string? stepId = null, string? detail = null, string? dataHash = null, string? actor = null) =>
        WorkflowAudit.Append(S.Audit, now, type, stepId, detail, dataHash, actor);
}
