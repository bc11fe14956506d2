using System.Xml;

namespace Rayswarm.Grains.Interfaces;

/// <summary>The rules of approval steps (<c>"type": "approval"</c>): a step that pauses the workflow until a person with
/// one of its approver roles decides (docs/workflows.md, Approval steps).</summary>
public static class ApprovalSteps
{
    /// <summary>The step type that waits for a decision.</summary>
    public const string Type = "approval";

    /// <summary>The step type that runs an action (the default).</summary>
    public const string ActionType = "action";

    /// <summary>The action name an approval step carries (it runs none).</summary>
    public const string ActionName = "approval";

    /// <summary>The longest prompt accepted.</summary>
    public const int MaxPromptLength = 4000;

    /// <summary>The most approver roles a step may list.</summary>
    public const int MaxApprovers = 20;

    /// <summary>The time to decide when a step gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromDays(1);

    /// <summary>The shortest time to decide accepted.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The longest time to decide accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field of step <paramref name="position"/>:
    /// its type, and for an approval its prompt, timeout and approvers (which only approval steps may have).</summary>
    public static void Validate(WorkflowStepRequest step, int position)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Type is not null and not (Type or ActionType))
        {
            throw new ArgumentException($"steps[{position}].type must be '{ActionType}' or '{Type}' (was '{step.Type}').", "steps");
        }
        if (!step.IsApproval)
        {
            var extra = step.Prompt is not null ? "prompt" : step.Timeout is not null ? "timeout" : step.Approvers is not null ? "approvers" : null;
            if (extra is not null) { throw new ArgumentException($"steps[{position}].{extra} applies only to steps of type '{Type}'.", "steps"); }
            return;
        }
        if (step.Prompt is { Length: > MaxPromptLength })
        {
            throw new ArgumentException($"steps[{position}].prompt must be at most {MaxPromptLength} characters (was {step.Prompt.Length}).", "steps");
        }
        TimeoutOf(step, position);
        if (step.Approvers is { } approvers)
        {
            if (approvers.Count is 0 or > MaxApprovers)
            {
                throw new ArgumentException($"steps[{position}].approvers must list 1-{MaxApprovers} roles (was {approvers.Count}).", "steps");
            }
            foreach (var role in approvers) { PrincipalRoles.Validate(role, $"steps[{position}].approvers"); }
        }
    }

    /// <summary>The step's time to decide: its <c>timeout</c> (ISO 8601) or <see cref="DefaultTimeout"/>. Throws
    /// <see cref="ArgumentException"/> for a malformed or out-of-range duration.</summary>
    public static TimeSpan TimeoutOf(WorkflowStepRequest step, int position)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Timeout is null) { return DefaultTimeout; }
        TimeSpan timeout;
        try
        {
            timeout = XmlConvert.ToTimeSpan(step.Timeout);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"steps[{position}].timeout must be an ISO 8601 duration such as PT1H (was '{step.Timeout}').", "steps");
        }
        if (timeout < MinTimeout || timeout > MaxTimeout)
        {
            throw new ArgumentException($"steps[{position}].timeout must be between 1 second and 30 days (was '{step.Timeout}').", "steps");
        }
        return timeout;
    }

    /// <summary>Who may decide the step: its approvers, else the expert of its domain.</summary>
    public static IReadOnlyList<string> ApproversOf(WorkflowStepRequest step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Approvers is { Count: > 0 } approvers ? [.. approvers.Distinct(StringComparer.Ordinal)] : [PrincipalRoles.Expert(step.DomainId ?? throw new ArgumentException("An approval step names its domain_id.", nameof(step)))];
    }
}
