namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Publishes with Orleans' stream API.</summary>
public interface IPublisherGrain : IGrainWithStringKey
{
    Task Publish(string streamNamespace, string key, Reading item);
}
