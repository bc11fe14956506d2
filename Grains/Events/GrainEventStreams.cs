using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains;

/// <summary>How grains reach the event log's streams: the log API (<see cref="IEventStreams"/>, for publishes that need the stored
/// event back, subscriptions, history and figures) and Orleans' stream API (<see cref="AnnounceAsync"/>). A failure that comes
/// from the silo starting or stopping is a <see cref="Interfaces.ClusterUnavailableException"/> (<see cref="StreamFailures"/>).</summary>
internal static class GrainEventStreams
{
    /// <summary>The event log's API on this silo; throws <see cref="InvalidOperationException"/> when the silo runs without streams.</summary>
    public static IEventStreams GetEventStreams(this Grain grain) =>
        grain.GrainContext.ActivationServices.GetService<IEventStreams>()
        ?? throw new InvalidOperationException("Streams are not configured on this silo: add AddEventLogStreams when building it.");

    /// <summary>Runs <paramref name="operation"/>, a call of the event log's API; <paramref name="what"/> says what it does
    /// ("store the event") in the message of the <see cref="Interfaces.ClusterUnavailableException"/> it throws instead of a
    /// failure that comes from the silo starting or stopping.</summary>
    public static async Task<T> StreamOperationAsync<T>(this Grain grain, string what, Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (Exception e) when (StreamFailures.IsUnavailable(e, grain.IsSiloServing()))
        {
            throw StreamFailures.Unavailable(what, e);
        }
    }

    /// <summary>Publishes <paramref name="data"/> on the stream <paramref name="streamNamespace"/>/<paramref name="key"/> through
    /// Orleans' stream API (durable once this completes). Does nothing on a silo without streams: there is nobody to announce to.</summary>
    public static async Task AnnounceAsync<T>(this Grain grain, string streamNamespace, string key, T data)
    {
        try
        {
            if (grain.GrainContext.ActivationServices.GetKeyedService<Orleans.Streams.IStreamProvider>(EventLogStreams.ProviderName) is not { } provider)
            {
                return;
            }
            await provider.GetStream<T>(StreamId.Create(streamNamespace, key)).OnNextAsync(data);
        }
        catch (Exception e) when (StreamFailures.IsUnavailable(e, grain.IsSiloServing()))
        {
            throw StreamFailures.Unavailable($"announce {key}", e);
        }
    }

    // Without a run state (a host that did not add the domain system) the silo counts as serving: failures stay what they are.
    private static bool IsSiloServing(this Grain grain)
    {
        try
        {
            return grain.GrainContext.ActivationServices.GetService<SiloRunState>() is not { IsServing: false };
        }
        catch (ObjectDisposedException)
        {
            return false; // the silo's services are disposed: it has stopped
        }
    }
}
