namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// The idempotency keys of workflow calls to domains. Every action and every compensation of a step has one key, the same
/// on every retry and every re-run of that call: <c>{workflow_id}.{step_id}.action</c> and
/// <c>{workflow_id}.{step_id}.compensation</c> (letters, digits, '_', '-' and '.'; the kind is the last segment, and a
/// workflow id has no '.'). A domain keys its side effects by it, so a repeat does nothing new. Hosted domains find it in
/// the input (<c>idempotency_key</c>, and in a compensation also <c>action_idempotency_key</c>, the key the action ran
/// under); endpoint domains also get it in the <see cref="Header"/> header.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The HTTP header that carries the key to endpoint domains.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The last segment of an action's key.</summary>
    public const string ActionKind = "action";

    /// <summary>The last segment of a compensation's key.</summary>
    public const string CompensationKind = "compensation";

    /// <summary>The key of the action of step <paramref name="stepId"/> of workflow <paramref name="workflowId"/>.</summary>
    public static string Action(string workflowId, string stepId) => Of(workflowId, stepId, ActionKind);

    /// <summary>The key of the compensation of step <paramref name="stepId"/> of workflow <paramref name="workflowId"/>.</summary>
    public static string Compensation(string workflowId, string stepId) => Of(workflowId, stepId, CompensationKind);

    private static string Of(string workflowId, string stepId, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        ArgumentException.ThrowIfNullOrEmpty(stepId);
        return $"{workflowId}.{stepId}.{kind}";
    }
}
