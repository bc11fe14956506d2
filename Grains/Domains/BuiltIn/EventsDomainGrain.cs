using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The built-in <c>events</c> domain: workflow steps (and agents) publish on the event bus. Inside a workflow the event's
/// id is derived from the workflow and step ids, so a step that runs again (at-least-once) returns the stored event
/// instead of publishing it twice. An event cannot be unpublished: the compensation publishes
/// <c>&lt;event_type&gt;.compensated</c> with <c>{"original_event_id", "workflow_id", "step_id"}</c> under a derived id as
/// well, so compensating twice announces it once. Bus events are accepted and ignored. A stateless worker.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType(nameof(EventsDomainGrain))] // the registry persists it: the name it always had
public sealed class EventsDomainGrain : Grain, IDomainWorkerGrain
{
    /// <summary>The domain id it is hosted as.</summary>
    public const string DomainId = "events";

    /// <summary>The suffix of the event type a compensation publishes.</summary>
    public const string CompensatedSuffix = ".compensated";

    private const string Publish = "publish";

    private static readonly IReadOnlyList<DomainActionInfo> s_actions =
    [
        new(Publish,
            "Publishes an event on the domain event bus; every domain subscribed to a matching pattern (e.g. ml.*) receives it. " +
            "Returns the stored event {event_id, event_type, source_domain, data, timestamp, position}. Events cannot be " +
            "unpublished: on rollback the event <event_type>.compensated is published with {original_event_id, workflow_id, step_id}.",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["event_type"],"properties":{
            "event_type":{"type":"string","maxLength":{{{MaxEventTypeLength}}},"pattern":"^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$","description":"Dot-separated type, e.g. ml.prediction."},
            "data":{"type":"object","description":"The event's payload (default {})."},
            "source_domain":{"type":"string","maxLength":{{{DomainRegistration.MaxDomainIdLength}}},"pattern":"^[A-Za-z0-9_.-]+$","default":"{{{DomainId}}}","description":"The publishing domain."}}
            }
            """,
            Compensable: true),
    ];

    /// <summary>Leaves room for <see cref="CompensatedSuffix"/>, so every published event can be compensated.</summary>
    private const int MaxEventTypeLength = EventTypes.MaxLength - 12;

    private IEventStreams? _streams;

    private IEventStreams Streams => _streams ??= this.GetEventStreams();

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        if (action != Publish) { throw DomainActionInput.UnknownAction(DomainId, action, s_actions); }
        var args = DomainActionInput.Parse(input);
        var eventType = args.String("event_type");
        if (eventType is { Length: > MaxEventTypeLength })
        {
            throw new ArgumentException($"event_type must be at most {MaxEventTypeLength} characters (was {eventType.Length}).", "event_type");
        }
        var data = args.Get("data");
        var request = new PublishRequest(eventType!, args.String("source_domain") ?? DomainId,
            data.ValueKind == JsonValueKind.Undefined ? null : data, args.StepKey(PublishRequest.MaxEventIdLength - CompensatedSuffix.Length));
        return DomainActionInput.Output(await Streams.PublishDomainEventAsync(request));
    }

    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        if (action != Publish) { throw DomainActionInput.UnknownAction(DomainId, action, s_actions); }
        var args = DomainActionInput.Parse(input);
        var original = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : args.StepKey(PublishRequest.MaxEventIdLength - CompensatedSuffix.Length);
        var data = DomainActionInput.Output(new { original_event_id = original, workflow_id = args.WorkflowId, step_id = args.StepId });
        var eventId = original is null ? null : original + CompensatedSuffix;
        await Streams.PublishDomainEventAsync(new PublishRequest(args.String("event_type") + CompensatedSuffix,
            args.String("source_domain") ?? DomainId, data, eventId));
    }

    /// <summary>Events are accepted and ignored: the events domain subscribes to nothing by itself.</summary>
    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;
}
