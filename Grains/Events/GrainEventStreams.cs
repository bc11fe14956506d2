using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains;

/// <summary>How grains reach the event log's streams: the log API (<see cref="IEventStreams"/>, for publishes that need the stored
/// event back, subscriptions, history and figures) and Orleans' stream API (<see cref="AnnounceAsync"/>).</summary>
internal static class GrainEventStreams
{
    /// <summary>The event log's API on this silo; throws <see cref="InvalidOperationException"/> when the silo runs without streams.</summary>
    public static IEventStreams GetEventStreams(this Grain grain) =>
        grain.GrainContext.ActivationServices.GetService<IEventStreams>()
        ?? throw new InvalidOperationException("Streams are not configured on this silo: add AddEventLogStreams when building it.");

    /// <summary>Publishes <paramref name="data"/> on the stream <paramref name="streamNamespace"/>/<paramref name="key"/> through
    /// Orleans' stream API (durable once this completes). Does nothing on a silo without streams: there is nobody to announce to.</summary>
    public static async Task AnnounceAsync<T>(this Grain grain, string streamNamespace, string key, T data)
    {
        if (grain.GrainContext.ActivationServices.GetKeyedService<Orleans.Streams.IStreamProvider>(EventLogStreams.ProviderName) is not { } provider)
        {
            return;
        }
        await provider.GetStream<T>(StreamId.Create(streamNamespace, key)).OnNextAsync(data);
    }
}
