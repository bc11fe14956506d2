using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Transitions as events on the bus (<see cref="WorkflowEvents"/>). After each durable transition, the audit entries not
/// yet published are published in order, outside the gate, so a workflow never waits for its events. The position reached
/// (<see cref="WorkflowState.EventsPublished"/>) is written with the next transition; a silo that dies first leaves it
/// behind, and the resume (activation or reminder tick) publishes again from there. The event ids come from the workflow
/// id and the audit index, so what was published already is stored once. A finished workflow read long after (beyond
/// <see cref="s_republishWithin"/>, well inside the bus's retention, which keeps the ids) publishes nothing again.
/// </summary>
public sealed partial class WorkflowGrain
{
    private static readonly TimeSpan s_republishWithin = TimeSpan.FromDays(1);

    private bool _publishing;

    /// <summary>Starts publishing what the audit has beyond <see cref="WorkflowState.EventsPublished"/> unless already doing so.</summary>
    private void PublishPendingEvents()
    {
        if (_publishing || !_options.PublishEvents || !Exists || S.EventsPublished >= S.Audit.Count) { return; }
        if (WorkflowStatus.IsTerminal(S.Status) && S.FinishedAt < _time.GetUtcNow() - s_republishWithin) { return; }
        if (GrainContext.ActivationServices.GetService<IEventStreams>() is not { } streams) { return; } // a silo without the bus
        _publishing = true;
        _ = PublishEventsAsync(streams); // on this activation's scheduler; ends by itself
    }

    private async Task PublishEventsAsync(IEventStreams streams)
    {
        try
        {
            while (S.EventsPublished < S.Audit.Count)
            {
                var entry = S.Audit[S.EventsPublished];
                if (WorkflowEvents.Of(entry.Type) is { } eventType)
                {
                    await streams.PublishDomainEventAsync(new PublishRequest(eventType, WorkflowEvents.SourceDomain,
                        JsonSerializer.SerializeToElement(DataOf(entry)), $"{WorkflowId}.{entry.Index}"));
                }
                S.EventsPublished = Math.Max(S.EventsPublished, entry.Index + 1);
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Workflow {WorkflowId}: its events from audit entry {Index} on were not published; the next transition or resume publishes them",
                WorkflowId, S.EventsPublished);
        }
        finally
        {
            _publishing = false;
        }
    }

    private Dictionary<string, object?> DataOf(WorkflowAuditEntry entry)
    {
        var data = new Dictionary<string, object?>
        {
            ["workflow_id"] = WorkflowId,
            ["name"] = S.Name,
            ["audit_index"] = entry.Index,
            ["at"] = entry.Timestamp,
        };
        if (entry.StepId is { } stepId && S.Steps.Find(s => s.StepId == stepId) is { } step)
        {
            data["step_id"] = stepId;
            data["domain_id"] = step.DomainId;
            data["action"] = step.Action;
            if (WorkflowEvents.Of(entry.Type) == WorkflowEvents.StepFailed) { data["error"] = step.Error; }
        }
        else if (entry.Type is WorkflowAuditTypes.RolledBack or WorkflowAuditTypes.Failed)
        {
            data["error"] = S.Error;
        }
        return data;
    }
}
