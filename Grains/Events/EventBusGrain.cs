using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The bus's entry point. A stateless worker, so publishing scales with the silo's cores: a publish is validated and appended
/// to the event type's stream (group-committed with concurrent publishes) with no other grain call, lookup or read.
/// Subscriptions are the streams' durable pattern subscriptions of one <see cref="EventDeliveryGrain"/> per domain and
/// pattern, which makes subscribing idempotent; history, figures and dead letters come from the streams.
/// Reentrant as well: it holds no state, and a publish waits for its batch to be durable, so without interleaving each
/// activation would have one publish in flight and the group commit would have nothing to group.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("event-bus")]
public sealed partial class EventBusGrain(DomainResolver resolver, EventFlowMeter meter) : Grain, IEventBusGrain
{
    private IEventStreams? _streams;

    private IEventStreams Streams => _streams ??= this.GetEventStreams();

    public Task<DomainEvent> Publish(PublishRequest request) =>
        this.StreamOperationAsync("store the event", () => Streams.PublishDomainEventAsync(request));

    public async Task<EventSubscription> Subscribe(SubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        if (await resolver.ResolveAsync(request.DomainId) is null)
        {
            throw new KeyNotFoundException($"Domain '{request.DomainId}' is neither hosted in the cluster nor registered: register it before subscribing.");
        }
        var handle = await this.StreamOperationAsync("store the subscription",
            () => Streams.SubscribeAsync(IEventBusGrain.StreamNamespace, request.Pattern, EventDeliveryGrain.IdOf(request.DomainId, request.Pattern)));
        return (await DescribeAsync([handle]))[0];
    }

    public async Task<bool> Unsubscribe(string subscriptionId)
    {
        if (string.IsNullOrEmpty(subscriptionId))
        {
            throw new ArgumentException("subscription_id is required.", "subscription_id");
        }
        var ours = (await BusSubscriptionsAsync()).Any(s => s.Id == subscriptionId);
        return ours && await Streams.UnsubscribeAsync(subscriptionId);
    }

    public async Task<IReadOnlyList<EventSubscription>> GetSubscriptions(string? domainId = null)
    {
        if (domainId is not null) { DomainRegistration.ValidateDomainId(domainId); }
        var handles = (await BusSubscriptionsAsync())
            .Where(s => domainId is null || EventDeliveryGrain.DomainOf(s.Subscriber) == domainId)
            .ToList();
        return [.. (await DescribeAsync(handles))
            .OrderBy(s => s.DomainId, StringComparer.Ordinal)
            .ThenBy(s => s.Pattern, StringComparer.Ordinal)];
    }

    public async Task<EventBusStats> GetStats()
    {
        var stats = await Streams.GetStatsAsync(IEventBusGrain.StreamNamespace);
        var published = EventFlowMeter.PublishedByType(stats);
        var flow = meter.Measure(published);
        var subscriptions = await FiguresAsync(stats.Subscriptions.Where(s => EventDeliveryGrain.IsDeliveryGrain(s.Subscriber)));
        return new EventBusStats(
            published.Values.Sum(),
            published.Count,
            [.. published
                .OrderByDescending(t => t.Value)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(EventBusStats.MaxTopEventTypes)
                .Select(t => new EventTypeCount(t.Key, t.Value))],
            subscriptions.Count,
            subscriptions.Values.Sum(f => f.Delivered),
            subscriptions.Values.Sum(f => f.Pending),
            subscriptions.Values.Sum(f => f.DeadLetters),
            flow.Events,
            flow.PerSecond,
            DateTimeOffset.UtcNow);
    }

    public async Task<EventRates> GetRates()
    {
        var flow = meter.Measure(EventFlowMeter.PublishedByType(await Streams.GetStatsAsync(IEventBusGrain.StreamNamespace)));
        return new EventRates(
            [.. flow.Types
                .OrderByDescending(t => t.PerSecond)
                .ThenByDescending(t => t.Total)
                .ThenBy(t => t.EventType, StringComparer.Ordinal)
                .Take(EventRates.MaxTypes)],
            flow.Types.Count,
            flow.WindowSeconds,
            DateTimeOffset.UtcNow);
    }

    private async Task<IReadOnlyList<StreamSubscriptionHandle>> BusSubscriptionsAsync() =>
        [.. (await Streams.GetSubscriptionsAsync())
            .Where(s => s.Namespace == IEventBusGrain.StreamNamespace && EventDeliveryGrain.IsDeliveryGrain(s.Subscriber))];

    private async Task<IReadOnlyList<EventSubscription>> DescribeAsync(IReadOnlyList<StreamSubscriptionHandle> handles)
    {
        if (handles.Count == 0) { return []; }
        var stats = await Streams.GetStatsAsync(IEventBusGrain.StreamNamespace);
        var wanted = handles.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var figures = await FiguresAsync(stats.Subscriptions.Where(s => wanted.Contains(s.Id)));
        return [.. handles.Select(h =>
        {
            var f = figures.GetValueOrDefault(h.Id);
            return new EventSubscription(h.Id, EventDeliveryGrain.DomainOf(h.Subscriber), h.Pattern, h.CreatedAt, f.Delivered, f.Pending, f.DeadLetters);
        })];
    }

    /// <summary>Delivered, pending and dead letters per subscription: the streams count an event as finished when it was
    /// delivered or parked, so parked ones (the newest <see cref="EventSubscription.MaxCountedDeadLetters"/>) are taken out.</summary>
    private async Task<Dictionary<string, (long Delivered, long Pending, long DeadLetters)>> FiguresAsync(IEnumerable<SubscriptionStats> subscriptions)
    {
        var list = subscriptions.ToList();
        if (list.Count == 0) { return []; }
        var parked = (await Streams.GetDeadLettersAsync(null, EventSubscription.MaxCountedDeadLetters))
            .GroupBy(d => d.SubscriptionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return list.ToDictionary(
            s => s.Id,
            s =>
            {
                var dead = parked.GetValueOrDefault(s.Id);
                return (Math.Max(0, s.Finished - dead), s.Lag, dead);
            },
            StringComparer.Ordinal);
    }
}
