namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Publishes through <c>GetStreamProvider(EventLogStreams.ProviderName).GetStream&lt;T&gt;(…).OnNextAsync</c>.</summary>
public sealed class PublisherGrain : Grain, IPublisherGrain
{
    public Task Publish(string streamNamespace, string key, Reading item) =>
        this.GetStreamProvider(EventLogStreams.ProviderName).GetStream<Reading>(StreamId.Create(streamNamespace, key)).OnNextAsync(item);
}
