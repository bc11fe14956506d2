namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// Implemented by grains that receive stream events (explicit or implicit subscriptions). Events of one stream
/// arrive in order; an event is delivered again only if a previous delivery failed (at least once: use
/// <see cref="StreamEvent.EventId"/> to be idempotent). Throwing makes the runtime retry with back-off, then park
/// the event in the subscription's dead-letter list and go on.
/// </summary>
public interface IStreamConsumer : IGrain
{
    /// <summary>An event of a subscribed stream.</summary>
    Task OnEvent(string subscription, StreamEvent streamEvent);
}
