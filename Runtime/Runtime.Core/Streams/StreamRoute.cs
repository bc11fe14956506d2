using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>A subscription as the delivery agent matches it: explicit (pattern, fixed subscriber, creation time) or
/// implicit (whole namespace, the subscriber is the grain of the implicit type keyed by the stream key).</summary>
internal sealed class StreamRoute
{
    private readonly StreamPattern? _pattern;
    private readonly GrainId _subscriber;
    private readonly string? _implicitGrainType;

    private StreamRoute(string id, string streamNamespace, StreamPattern? pattern, GrainId subscriber, string? implicitGrainType, DateTimeOffset? createdAt)
    {
        Id = id;
        Namespace = streamNamespace;
        _pattern = pattern;
        _subscriber = subscriber;
        _implicitGrainType = implicitGrainType;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string Namespace { get; }

    public StreamPattern? Pattern => _pattern;

    /// <summary>Explicit subscriptions only receive events published at or after this time.</summary>
    public DateTimeOffset? CreatedAt { get; }

    public static StreamRoute Explicit(StreamSubscription s) => new(s.Id, s.Namespace, new StreamPattern(s.Pattern), s.Subscriber, null, s.CreatedAt);

    public static StreamRoute Implicit(ImplicitSubscription s) => new(s.Id, s.Namespace, null, default, s.GrainType, null);

    public bool Matches(StreamEvent e) =>
        string.Equals(e.Stream.Namespace, Namespace, StringComparison.Ordinal)
        && (_pattern is null || _pattern.Matches(e.Stream.Key))
        && (CreatedAt is null || e.PublishedAt >= CreatedAt.Value);

    public GrainId SubscriberOf(StreamId stream) => _implicitGrainType is null ? _subscriber : new GrainId(_implicitGrainType, stream.Key);
}
