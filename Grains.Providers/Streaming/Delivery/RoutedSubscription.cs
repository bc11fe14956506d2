namespace Rayswarm.Grains.Providers;

/// <summary>A subscription as routers match it: the stored subscription with its pattern parsed once.</summary>
internal sealed class RoutedSubscription(StreamSubscription subscription)
{
    public StreamSubscription Subscription { get; } = subscription;

    public string Id => Subscription.Id;

    public StreamPattern Pattern { get; } = new(subscription.Pattern);

    public bool Matches(StreamId stream) =>
        string.Equals(stream.StreamNamespace(), Subscription.Namespace, StringComparison.Ordinal) && Pattern.Matches(stream.StreamKey());
}
