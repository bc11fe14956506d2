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
    /// <summary>The domain's actions.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DomainActionInfo>> DescribeActions();

    /// <summary>Runs <paramref name="action"/> with <paramref name="input"/> and returns its output (a JSON value).
    /// Throws <see cref="ArgumentException"/> for an unknown action or invalid input; any exception fails the step.</summary>
    Task<JsonElement> Execute(string action, JsonElement input);

    /// <summary>Undoes an earlier successful <see cref="Execute"/> of <paramref name="action"/>, given its input and
    /// output. Must be idempotent: a compensation may be retried.</summary>
    Task Compensate(string action, JsonElement input, JsonElement output);

    /// <summary>Receives a bus event matching one of the domain's subscriptions (at least once, in order per event type).</summary>
    Task OnEvent(DomainEvent domainEvent);
}
