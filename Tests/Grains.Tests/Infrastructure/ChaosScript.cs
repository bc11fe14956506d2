using System.Collections.Concurrent;
using System.Text.Json;

namespace Rayswarm.Grains.Tests;

/// <summary>
/// What <see cref="ChaosDomainGrain"/> does to one workflow's calls: infrastructure failures before the work (nothing
/// happened), after it (the work happened, the answer is lost), domain failures of the compensation, and an outage switch.
/// Counts are decremented per call; <see cref="int.MaxValue"/> means every call. Records every call.
/// </summary>
public sealed class ChaosScript
{
    private int _executeFailuresBefore;
    private int _executeAnswersLost;
    private int _compensateFailuresBefore;
    private int _compensateDomainFailures;

    /// <summary>Actions that fail with an infrastructure failure before doing anything.</summary>
    public int ExecuteFailuresBefore { init => _executeFailuresBefore = value; }

    /// <summary>Actions that do their work and then fail with an infrastructure failure (the outcome is unknown to the caller).</summary>
    public int ExecuteAnswersLost { init => _executeAnswersLost = value; }

    /// <summary>Compensations that fail with an infrastructure failure before doing anything.</summary>
    public int CompensateFailuresBefore { init => _compensateFailuresBefore = value; }

    /// <summary>Compensations (after the infrastructure failures) that fail for a domain reason.</summary>
    public int CompensateDomainFailures { init => _compensateDomainFailures = value; }

    /// <summary>While set, every compensation fails with an infrastructure failure.</summary>
    public volatile bool CompensationOutage;

    /// <summary>Every call: "execute"/"compensate", the input's idempotency keys and the output it was given (compensations).</summary>
    public ConcurrentQueue<(string Kind, string? Key, string? ActionKey, JsonElement Output)> Calls { get; } = new();

    /// <summary>Outputs of actions whose answer was lost on purpose.</summary>
    public ConcurrentQueue<JsonElement> LostOutputs { get; } = new();

    public int Count(string kind) => Calls.Count(c => c.Kind == kind);

    internal bool TakeExecuteFailureBefore() => Take(ref _executeFailuresBefore);

    internal bool TakeExecuteAnswerLost() => Take(ref _executeAnswersLost);

    internal bool TakeCompensateFailureBefore() => CompensationOutage || Take(ref _compensateFailuresBefore);

    internal bool TakeCompensateDomainFailure() => Take(ref _compensateDomainFailures);

    private static bool Take(ref int remaining)
    {
        while (true)
        {
            var now = Volatile.Read(ref remaining);
            if (now <= 0) { return false; }
            if (now == int.MaxValue || Interlocked.CompareExchange(ref remaining, now - 1, now) == now) { return true; }
        }
    }
}
