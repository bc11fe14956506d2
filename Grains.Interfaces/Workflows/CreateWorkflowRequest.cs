namespace Rayswarm.Grains.Interfaces;

/// <summary>The body of <c>POST /domains/workflows/create</c>: a named saga of steps with dependencies.</summary>
/// <param name="Name">The workflow's name ("analyze_code"); required, at most 200 characters.</param>
/// <param name="Steps">Between 1 and <see cref="MaxSteps"/> steps.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.CreateWorkflowRequest")]
public sealed record CreateWorkflowRequest(string Name, IReadOnlyList<WorkflowStepRequest> Steps)
{
    /// <summary>The most steps one workflow may have.</summary>
    public const int MaxSteps = 100;

    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest step timeout accepted, in seconds.</summary>
    public const int MaxTimeoutSeconds = 3600;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field; returns the step ids by position.
    /// Domains and capabilities are not looked up here: a step whose domain is unknown, or whose capability no healthy
    /// domain offers, fails when it runs.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) { throw new ArgumentException("name is required.", "name"); }
        if (Name.Length > MaxNameLength)
        {
            throw new ArgumentException($"name must be at most {MaxNameLength} characters (was {Name.Length}).", "name");
        }
        if (Steps is null || Steps.Count == 0) { throw new ArgumentException("steps must list at least one step.", "steps"); }
        if (Steps.Count > MaxSteps) { throw new ArgumentException($"steps may list at most {MaxSteps} steps (was {Steps.Count}).", "steps"); }
        var ids = new string[Steps.Count];
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i] ?? throw new ArgumentException($"steps[{i}] must be an object.", "steps");
            ValidateTarget(step, i);
            ApprovalSteps.Validate(step, i);
            if (step.IsApproval && step.Capability is not null)
            {
                throw new ArgumentException($"steps[{i}]: an approval step names its domain_id (its experts decide), not a capability.", "steps");
            }
            if (!step.IsApproval && string.IsNullOrWhiteSpace(step.Action)) { throw new ArgumentException($"steps[{i}].action is required.", "steps"); }
            if (step.TimeoutSeconds is { } t && t is < 1 or > MaxTimeoutSeconds)
            {
                throw new ArgumentException($"steps[{i}].timeout_seconds must be between 1 and {MaxTimeoutSeconds} (was {t}).", "steps");
            }
            ids[i] = step.StepId ?? $"step_{i + 1}";
            if (step.StepId is not null) { ValidateStepId(step.StepId, i); }
            if (!positions.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"steps[{i}].step_id: '{ids[i]}' is already the id of steps[{positions[ids[i]]}].", "steps");
            }
        }
        for (var i = 0; i < Steps.Count; i++)
        {
            foreach (var dependency in Steps[i].DependsOn ?? [])
            {
                if (dependency is null || !positions.ContainsKey(dependency))
                {
                    throw new ArgumentException($"steps[{i}].depends_on: unknown step '{dependency}'.", "steps");
                }
                if (dependency == ids[i]) { throw new ArgumentException($"steps[{i}].depends_on: step '{dependency}' depends on itself.", "steps"); }
            }
        }
        if (FindCycle(ids, positions) is { } cycle)
        {
            throw new ArgumentException($"steps: depends_on forms a cycle: {string.Join(" -> ", cycle)}.", "steps");
        }
        return ids;
    }

    /// <summary>Exactly one of domain_id and capability; a strategy only with a capability, and a known one.</summary>
    private static void ValidateTarget(WorkflowStepRequest step, int position)
    {
        if (step.DomainId is not null && step.Capability is not null)
        {
            throw new ArgumentException($"steps[{position}]: give domain_id or capability, not both.", "steps");
        }
        if (step.Capability is not null)
        {
            if (string.IsNullOrWhiteSpace(step.Capability) || step.Capability.Length > DomainRegistration.MaxDomainIdLength)
            {
                throw new ArgumentException(
                    $"steps[{position}].capability must be a non-blank string of at most {DomainRegistration.MaxDomainIdLength} characters.", "steps");
            }
            if (step.Strategy is not null && !RoutingStrategies.IsKnown(step.Strategy))
            {
                throw new ArgumentException(
                    $"steps[{position}].strategy must be one of {string.Join(", ", RoutingStrategies.All)} (was '{step.Strategy}').", "steps");
            }
            return;
        }
        if (step.Strategy is not null)
        {
            throw new ArgumentException($"steps[{position}].strategy is only for a step routed by capability.", "steps");
        }
        if (step.DomainId is null) { throw new ArgumentException($"steps[{position}].domain_id is required (or give a capability).", "steps"); }
        try
        {
            DomainRegistration.ValidateDomainId(step.DomainId);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"steps[{position}].{e.Message.Replace(" (Parameter 'domain_id')", "", StringComparison.Ordinal)}", "steps", e);
        }
    }

    private static void ValidateStepId(string stepId, int position)
    {
        if (stepId.Length == 0 || stepId.Length > DomainRegistration.MaxDomainIdLength
            || !stepId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException(
                $"steps[{position}].step_id must be 1-{DomainRegistration.MaxDomainIdLength} letters, digits, '_', '-' or '.' (was '{stepId}').", "steps");
        }
    }

    /// <summary>A dependency cycle as step ids (first repeated at the end), or null. Depth-first search with colours.</summary>
    private List<string>? FindCycle(string[] ids, Dictionary<string, int> positions)
    {
        var colour = new int[ids.Length]; // 0 unvisited, 1 on the current path, 2 done
        var path = new List<int>();
        for (var start = 0; start < ids.Length; start++)
        {
            if (colour[start] == 0 && Visit(start) is { } found) { return found; }
        }
        return null;

        List<string>? Visit(int node)
        {
            colour[node] = 1;
            path.Add(node);
            foreach (var dependency in Steps[node].DependsOn ?? [])
            {
                var next = positions[dependency];
                if (colour[next] == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)).Select(p => ids[p]), ids[next]];
                }
                if (colour[next] == 0 && Visit(next) is { } found) { return found; }
            }
            path.RemoveAt(path.Count - 1);
            colour[node] = 2;
            return null;
        }
    }
}
