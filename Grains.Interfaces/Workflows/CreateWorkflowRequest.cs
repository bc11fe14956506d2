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
    /// Domains are not looked up here: a step whose domain is unknown fails when it runs.</summary>
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
            try
            {
                DomainRegistration.ValidateDomainId(step.DomainId);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"steps[{i}].{e.Message.Replace(" (Parameter 'domain_id')", "", StringComparison.Ordinal)}", "steps", e);
            }
            ApprovalSteps.Validate(step, i);
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
