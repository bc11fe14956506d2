namespace Rayswarm.Cluster.Tests;

/// <summary>What a chaos run measured, named as in its JSON line. The goals: <see cref="Goals"/> all 0, and
/// <see cref="MaxUnavailableSeconds"/> at most 5.</summary>
public sealed record ChaosFigures
{
    /// <summary>Silos killed with <c>kill -9</c>.</summary>
    public int Kills { get; init; }

    /// <summary>Silos paused with SIGSTOP (gray mode).</summary>
    public int Pauses { get; init; }

    /// <summary>Gateways killed with <c>kill -9</c> (gray mode), and how long no gateway listened, in seconds.</summary>
    public int GatewayKills { get; init; }

    public double GatewayDownSeconds { get; init; }

    /// <summary>Publishes answered 200.</summary>
    public long EventsAcked { get; init; }

    /// <summary>Acknowledged events missing from the event log (its history).</summary>
    public long EventsLost { get; init; }

    /// <summary>Acknowledged events in the log that never reached the subscribed endpoint domain by the drain deadline.</summary>
    public long EventsUndelivered { get; init; }

    /// <summary>Deliveries to the endpoint domain beyond the first of each event (at least once allows them).</summary>
    public long Duplicates { get; init; }

    /// <summary>Contributions answered 200, plus those of workflows that completed.</summary>
    public long ContributionsAcked { get; init; }

    /// <summary>Of those, the ones the shared memory no longer lists.</summary>
    public long ContributionsLost { get; init; }

    /// <summary>Workflows whose create was answered 200.</summary>
    public int Workflows { get; init; }

    /// <summary>Workflows not finished (not completed, rolled back or failed) by the drain deadline.</summary>
    public int WorkflowsStuck { get; init; }

    /// <summary>Finished workflows that ended otherwise than meant (completed / rolled_back), or that are gone (404).</summary>
    public int WrongOutcome { get; init; }

    /// <summary>Finished workflows meant to roll back whose contribution is still stored.</summary>
    public int SideEffectsLeft { get; init; }

    /// <summary>Workflows whose list row disagrees with their own status after the convergence deadline.</summary>
    public int IndexMismatch { get; init; }

    /// <summary>Answers with a 5xx status other than 503, over the whole run (load and checks).</summary>
    public long Http500 { get; init; }

    public long Http503 { get; init; }

    /// <summary>Requests that got no answer (refused, reset, the client's timeout).</summary>
    public long HttpNoAnswer { get; init; }

    /// <summary>The longest stretch of the load in which no request was served (status below 500): the gateway's own
    /// downtime in the gray mode included.</summary>
    public double MaxUnavailableSeconds { get; init; }

    /// <summary>Requests served during the load, and its length.</summary>
    public long Served { get; init; }

    public double LoadSeconds { get; init; }

    /// <summary>The figures that must be 0.</summary>
    public IReadOnlyDictionary<string, long> Goals() => new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["events_lost"] = EventsLost,
        ["contributions_lost"] = ContributionsLost,
        ["workflows_stuck"] = WorkflowsStuck,
        ["wrong_outcome"] = WrongOutcome,
        ["side_effects_left"] = SideEffectsLeft,
        ["index_mismatch"] = IndexMismatch,
        ["http_500"] = Http500,
    };

    /// <summary>Every figure by its JSON name, in the order of the issue.</summary>
    public IEnumerable<KeyValuePair<string, object>> Fields() =>
    [
        new("kills", Kills),
        new("pauses", Pauses),
        new("gateway_kills", GatewayKills),
        new("events_acked", EventsAcked),
        new("events_lost", EventsLost),
        new("events_undelivered", EventsUndelivered),
        new("duplicates", Duplicates),
        new("contributions_acked", ContributionsAcked),
        new("contributions_lost", ContributionsLost),
        new("workflows", Workflows),
        new("workflows_stuck", WorkflowsStuck),
        new("wrong_outcome", WrongOutcome),
        new("side_effects_left", SideEffectsLeft),
        new("index_mismatch", IndexMismatch),
        new("http_500", Http500),
        new("http_503", Http503),
        new("http_no_answer", HttpNoAnswer),
        new("max_unavailable_s", Math.Round(MaxUnavailableSeconds, 2)),
        new("gateway_down_s", Math.Round(GatewayDownSeconds, 2)),
    ];

    public override string ToString() => string.Join(", ", Fields().Select(f => $"{f.Key} {f.Value}"));
}
