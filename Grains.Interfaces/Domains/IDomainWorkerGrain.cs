using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// The contract of a domain hosted in the cluster: a grain keyed by its domain id that runs the domain's actions for
/// workflow steps, undoes them on rollback and receives the bus events it subscribed to. Each hosted domain is its own
/// grain class implementing this interface and registered with <c>AddDomainWorker</c> in the silo's services; domains
/// outside the cluster speak the same contract over HTTP (docs/domains.md).
/// </summary>
[Alias("rayswarm.IDomainWorkerGrain")]
public interface IDomainWorkerGrain : IGrainWithStringKey
{
    /// <summary>How long a call of <see cref="Execute"/> or <see cref="Compensate"/> may take (a TimeSpan string), instead of
    /// the cluster's 10 s default: long actions are the callers' to bound.</summary>
    const string MaxActionTime = "00:05:00";

    /// <summary>The domain's actions.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DomainActionInfo>> DescribeActions();

    /// <summary>Runs <paramref name="action"/> with <paramref name="input"/> and returns its output (a JSON value). From a
    /// workflow the input is <c>{"data", "dependencies", "workflow_id", "step_id", "idempotency_key"}</c>. Must be idempotent
    /// by <c>idempotency_key</c> (<see cref="IdempotencyKeys"/>): a call whose outcome was lost is made again. Throws
    /// <see cref="ArgumentException"/> for an unknown action or invalid input; any exception fails the step, except the
    /// infrastructure failures of <see cref="TransientFailures"/>, which are retried. An action may run long (a neural
    /// <c>train</c> on 10,000 rows): the grain call waits up to <see cref="MaxActionTime"/>, and the caller's own limit (a
    /// workflow step's timeout) ends it sooner.</summary>
    [ResponseTimeout(MaxActionTime)]
    Task<JsonElement> Execute(string action, JsonElement input);

    /// <summary>Undoes an earlier <see cref="Execute"/> of <paramref name="action"/>, given its input and output. The input
    /// is the action's, with <c>idempotency_key</c> the compensation's own key and <c>action_idempotency_key</c> the key the
    /// action ran under. <paramref name="output"/> is JSON null when the action's outcome is unknown (its answer was lost):
    /// find what it did by <c>action_idempotency_key</c>, and succeed when it did nothing. Must be idempotent: a
    /// compensation may be retried. Waited for up to <see cref="MaxActionTime"/>, like <see cref="Execute"/>.</summary>
    [ResponseTimeout(MaxActionTime)]
    Task Compensate(string action, JsonElement input, JsonElement output);

    /// <summary>Receives a bus event matching one of the domain's subscriptions (at least once, in order per event type).</summary>
    Task OnEvent(DomainEvent domainEvent);
}
