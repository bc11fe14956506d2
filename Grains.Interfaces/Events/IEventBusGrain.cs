
namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// The event bus's entry point (a stateless worker, key <see cref="Key"/>) on the runtime's durable streams: each event type
/// is a stream of namespace <see cref="StreamNamespace"/>, so publishing is one group-committed append and every silo serves
/// its share of delivery. Invalid input throws <see cref="ArgumentException"/> naming the field.
/// </summary>
[Alias("rayswarm.IEventBusGrain")]
public interface IEventBusGrain : IGrainWithStringKey
{
    /// <summary>The well-known key.</summary>
    const string Key = "bus";

    /// <summary>The stream namespace of the bus (the registry announces domains on it too).</summary>
    const string StreamNamespace = RegistryEvents.Namespace;

    /// <summary>Stores an event (durably, before it returns) for delivery to every matching subscription.</summary>
    Task<DomainEvent> Publish(PublishRequest request);

    /// <summary>Subscribes a domain to a pattern; the same domain and pattern return the same subscription. Throws
    /// <see cref="KeyNotFoundException"/> when the domain is neither hosted in the cluster nor registered.</summary>
    Task<EventSubscription> Subscribe(SubscribeRequest request);

    /// <summary>Ends a subscription; false when there is no bus subscription with that id.</summary>
    Task<bool> Unsubscribe(string subscriptionId);

    /// <summary>Every subscription, or those of <paramref name="domainId"/>, sorted by domain and pattern.</summary>
    Task<IReadOnlyList<EventSubscription>> GetSubscriptions(string? domainId = null);

    /// <summary>One page of stored events matching <paramref name="query"/>, oldest first.</summary>
    Task<EventHistoryPage> GetHistory(EventHistoryQuery query);

    /// <summary>Counts and rates over the whole bus.</summary>
    Task<EventBusStats> GetStats();

    /// <summary>The publish rate of each event type over the last minute.</summary>
    Task<EventRates> GetRates();

    /// <summary>Dead letters of one bus subscription or all of them. Throws <see cref="KeyNotFoundException"/> when the
    /// subscription is not a bus subscription.</summary>
    Task<IReadOnlyList<EventDeadLetter>> GetDeadLetters(DeadLetterQuery query);

    /// <summary>Delivers dead letters of a subscription again, one attempt each, oldest parked first; each one delivered leaves the
    /// dead letters, and the first that fails again stops the replay (it and the rest stay parked). Replayed events arrive
    /// after the events of their type published since (at least once, not in order with them). A replay stops after
    /// <c>ReplayBudget</c> (about a minute and a half); what it did not reach stays parked. Throws
    /// <see cref="KeyNotFoundException"/> when the subscription is not a bus subscription or an id is not one of its dead letters.</summary>
    [ResponseTimeout("00:02:00")]
    Task<DeadLetterReplay> ReplayDeadLetters(ReplayDeadLettersRequest request);
}
