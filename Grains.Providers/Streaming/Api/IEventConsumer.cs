namespace Rayswarm.Grains.Providers;

/// <summary>
/// Implemented by grains (any key kind) that receive events of their pattern subscriptions (<see cref="IEventStreams.SubscribeAsync"/>).
/// Events of one stream arrive in order; an event is delivered again only if a previous delivery failed or its completion
/// was lost in a failover (at least once: use <see cref="StreamEvent.EventId"/> to be idempotent). Throwing makes the
/// router retry with back-off, then park the event in the subscription's dead letters and go on.
/// </summary>
public interface IEventConsumer : IGrain
{
    /// <summary>An event of a subscribed stream.</summary>
    Task OnEvent(string subscription, StreamEvent streamEvent);
}
