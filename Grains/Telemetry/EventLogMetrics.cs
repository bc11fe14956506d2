using System.Text;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Counts the event bus's events as the event log reports them (<see cref="IEventLogObserver"/>): only streams of the
/// bus's namespace, tagged with the first segment of the event type, at most <see cref="MaxCategories"/> distinct ones.</summary>
internal sealed class EventLogMetrics(RayswarmMetrics metrics) : IEventLogObserver
{
    public const int MaxCategories = 100;

    private const int MaxStackChars = 128;
    private static readonly byte[] s_busNamespace = Encoding.UTF8.GetBytes(IEventBusGrain.StreamNamespace);

    private readonly TagValues _categories = new(MaxCategories);

    public void Published(StreamId stream)
    {
        if (metrics.EventsEnabled && Category(stream) is { } category) { metrics.EventPublished(category); }
    }

    public void Delivered(StreamId stream)
    {
        if (metrics.EventsEnabled && Category(stream) is { } category) { metrics.EventDelivered(category); }
    }

    public void DeadLettered(StreamId stream)
    {
        if (metrics.EventsEnabled && Category(stream) is { } category) { metrics.EventDeadLettered(category); }
    }

    /// <summary>The first segment of the stream's key (the event type), or null for a stream that is not the bus's.</summary>
    private string? Category(StreamId stream)
    {
        if (!stream.Namespace.Span.SequenceEqual(s_busNamespace)) { return null; }
        var key = stream.Key.Span;
        var dot = key.IndexOf((byte)'.');
        var first = dot < 0 ? key : key[..dot];
        if (first.Length > MaxStackChars) { return _categories.Of(Encoding.UTF8.GetString(first)); }
        Span<char> chars = stackalloc char[MaxStackChars]; // UTF-8 never decodes to more chars than bytes
        return _categories.Of(chars[..Encoding.UTF8.GetChars(first, chars)]);
    }
}
