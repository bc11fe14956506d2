namespace Rayswarm.Runtime.Abstractions;

/// <summary>One stream with a payload type.</summary>
public interface IAsyncStream<T>
{
    /// <summary>The stream.</summary>
    StreamId Id { get; }

    /// <summary>Publishes an item; completes once it is stored.</summary>
    Task<StreamEvent> OnNextAsync(T item, string? eventId = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes a grain to exactly this stream.</summary>
    Task<StreamSubscriptionHandle> SubscribeAsync(IStreamConsumer consumer, CancellationToken cancellationToken = default);
}
