using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Capability routing: a step that names a capability is given a healthy domain offering it when it is launched
/// (<see cref="DomainRouter"/>), recorded in the step and in a <see cref="WorkflowAuditTypes.StepRouted"/> entry written with
/// the transition, so a resumed or compensated step goes to the same domain.</summary>
public sealed partial class WorkflowGrain
{
    /// <summary>Why a step routed by capability found no domain, until its launch reports the failure.</summary>
    private readonly Dictionary<string, string> _unroutable = new(StringComparer.Ordinal);

    private DomainRouter? _router;

    private DomainRouter Router => _router ??= ServiceProvider.GetRequiredService<DomainRouter>();

    /// <summary>Routes every launch that names a capability and has no domain yet. One without a healthy domain keeps an
    /// empty domain: its launch fails it as the domain's answer, and the workflow rolls back.</summary>
    private async Task RouteAsync(List<WorkflowStepState> launches)
    {
        foreach (var step in launches)
        {
            if (step.Capability is not { } capability || step.DomainId.Length > 0) { continue; }
            DomainRoute? route;
            try
            {
                route = await Router.RouteAsync(capability, step.Strategy);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Workflow {WorkflowId}: the registry could not be read to route {StepId}", WorkflowId, step.StepId);
                _unroutable[step.StepId] = $"no domain could be picked for the capability '{capability}': the registry could not be read ({e.Message}).";
                continue;
            }
            if (route is null)
            {
                _unroutable[step.StepId] = $"no healthy domain offers the capability '{capability}'.";
                continue;
            }
            step.DomainId = route.DomainId;
            Append(_time.GetUtcNow(), WorkflowAuditTypes.StepRouted, step.StepId,
                detail: $"capability '{capability}' by {step.Strategy}: '{step.DomainId}' of {route.Candidates.Count} healthy ({string.Join(", ", route.Candidates)})");
        }
    }

    /// <summary>Counts <paramref name="step"/>'s action as a call in flight to its domain (what least_loaded compares) until
    /// the lease is disposed; none when it has no domain.</summary>
    private DomainLease? TakeLease(WorkflowStepState step) => step.DomainId.Length == 0 ? null : Router.Track(step.DomainId);

    /// <summary>Why <paramref name="step"/> cannot run: routed by capability, no domain was found.</summary>
    private string? UnroutedError(WorkflowStepState step) =>
        step.Capability is null || step.DomainId.Length > 0 ? null
        : _unroutable.Remove(step.StepId, out var reason) ? reason
        : $"no healthy domain offers the capability '{step.Capability}'.";

    /// <summary>After a failed write nothing this turn routed is launched.</summary>
    private void ForgetRoutes() => _unroutable.Clear();
}
