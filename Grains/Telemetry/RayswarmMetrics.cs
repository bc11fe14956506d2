using System.Diagnostics;
using System.Diagnostics.Metrics;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The domain system's metrics (docs/operations.md, Metrics): one <see cref="Meter"/> named <see cref="MeterName"/>, counted
/// where things happen (the event log, workflow transitions, the shared memory, calls to domains). Names follow OpenTelemetry's
/// conventions; Prometheus sees <c>rayswarm.events.published</c> as <c>rayswarm_events_published_total</c>. Recording is an
/// instrument call with tags on the stack: no lock and no allocation, and next to nothing while no exporter listens. Tags
/// whose values users choose (domain ids, actions, event types) are bounded per process (<see cref="TagValues"/>).
/// </summary>
public sealed class RayswarmMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "Rayswarm";

    /// <summary>Tag: the first segment of an event type (<c>ml</c> for <c>ml.prediction</c>).</summary>
    public const string EventCategoryTag = "rayswarm.event.category";

    /// <summary>Tag: a domain id.</summary>
    public const string DomainTag = "rayswarm.domain";

    /// <summary>Tag: an action of a domain.</summary>
    public const string ActionTag = "rayswarm.action";

    /// <summary>Tag: which call of an action, <c>execute</c> or <c>compensate</c>.</summary>
    public const string CallTag = "rayswarm.call";

    /// <summary>Tag: how a call ended, <c>ok</c> or <c>error</c>.</summary>
    public const string OutcomeTag = "rayswarm.outcome";

    /// <summary>Tag: how a workflow ended: <c>completed</c>, <c>rolled_back</c> or <c>failed</c>.</summary>
    public const string WorkflowStatusTag = "rayswarm.workflow.status";

    // Workflows run from milliseconds (built-in domains) to hours (steps waiting for people); actions from 1 ms to their timeout.
    private static readonly double[] s_workflowSeconds = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14400];
    private static readonly double[] s_actionSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly TagValues _domains = new(200);
    private readonly TagValues _actions = new(200);
    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _workflowsStarted;
    private readonly Counter<long> _workflowsCompleted;
    private readonly Counter<long> _workflowsRolledBack;
    private readonly Counter<long> _workflowsFailed;
    private readonly Histogram<double> _workflowDuration;
    private readonly Counter<long> _contributions;
    private readonly Counter<long> _actionCalls;
    private readonly Histogram<double> _actionDuration;

    /// <summary>Creates the instruments on the host's meter factory (which owns and disposes the meter).</summary>
    public RayswarmMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("rayswarm.events.published", "{event}", "Events stored on the event bus (publishes and the system's announcements).");
        _delivered = meter.CreateCounter<long>("rayswarm.events.delivered", "{event}", "Bus events a subscription's domain took (one per subscription).");
        _deadLettered = meter.CreateCounter<long>("rayswarm.events.dead_lettered", "{event}", "Bus events a subscription parked as dead letters after its last attempt.");
        _workflowsStarted = meter.CreateCounter<long>("rayswarm.workflows.started", "{workflow}", "Workflows that began to execute.");
        _workflowsCompleted = meter.CreateCounter<long>("rayswarm.workflows.completed", "{workflow}", "Workflows whose every step completed.");
        _workflowsRolledBack = meter.CreateCounter<long>("rayswarm.workflows.rolled_back", "{workflow}", "Workflows that failed and undid their completed steps.");
        _workflowsFailed = meter.CreateCounter<long>("rayswarm.workflows.failed", "{workflow}", "Workflows whose rollback could not undo a step.");
        _workflowDuration = meter.CreateHistogram("rayswarm.workflow.duration", "s", "From the start of a workflow to its final status.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_workflowSeconds });
        _contributions = meter.CreateCounter<long>("rayswarm.memory.contributions", "{contribution}", "Contributions stored in the shared memory.");
        _actionCalls = meter.CreateCounter<long>("rayswarm.domain.action.calls", "{call}", "Calls of domain actions and compensations (each attempt).");
        _actionDuration = meter.CreateHistogram("rayswarm.domain.action.duration", "s", "How long calls of domain actions and compensations took.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_actionSeconds });
    }

    /// <summary>Whether any event counter has a listener (skip working out the tags when none does).</summary>
    internal bool EventsEnabled => _published.Enabled || _delivered.Enabled || _deadLettered.Enabled;

    internal void EventPublished(string category) => _published.Add(1, new KeyValuePair<string, object?>(EventCategoryTag, category));

    internal void EventDelivered(string category) => _delivered.Add(1, new KeyValuePair<string, object?>(EventCategoryTag, category));

    internal void EventDeadLettered(string category) => _deadLettered.Add(1, new KeyValuePair<string, object?>(EventCategoryTag, category));

    internal void WorkflowStarted() => _workflowsStarted.Add(1);

    /// <summary>A workflow reached the final <paramref name="status"/> after <paramref name="duration"/>.</summary>
    internal void WorkflowFinished(string status, TimeSpan duration)
    {
        var (counter, tag) = status switch
        {
            WorkflowStatus.Completed => (_workflowsCompleted, WorkflowStatus.Completed),
            WorkflowStatus.RolledBack => (_workflowsRolledBack, WorkflowStatus.RolledBack),
            _ => (_workflowsFailed, WorkflowStatus.Failed),
        };
        counter.Add(1);
        _workflowDuration.Record(Math.Max(0, duration.TotalSeconds), new KeyValuePair<string, object?>(WorkflowStatusTag, tag));
    }

    internal void ContributionStored(string domainId) => _contributions.Add(1, new KeyValuePair<string, object?>(DomainTag, _domains.Of(domainId)));

    /// <summary>A call of <paramref name="action"/> (or its compensation) on <paramref name="domainId"/> that started at the
    /// <see cref="Stopwatch"/> timestamp <paramref name="startedAt"/> ended, well or not.</summary>
    public void DomainActionCalled(string domainId, string action, bool compensation, bool succeeded, long startedAt)
    {
        if (!_actionCalls.Enabled && !_actionDuration.Enabled) { return; }
        var tags = new TagList
        {
            { DomainTag, _domains.Of(domainId) },
            { ActionTag, _actions.Of(action) },
            { CallTag, compensation ? "compensate" : "execute" },
            { OutcomeTag, succeeded ? "ok" : "error" },
        };
        _actionCalls.Add(1, in tags);
        _actionDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, in tags);
    }
}
