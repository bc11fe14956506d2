using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

public sealed partial class EventBusGrain
{
    /// <summary>How long one replay delivers before it stops (inside the method's two-minute response timeout).</summary>
    public static readonly TimeSpan ReplayBudget = TimeSpan.FromSeconds(90);

    public async Task<IReadOnlyList<EventDeadLetter>> GetDeadLetters(DeadLetterQuery query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        query.Validate();
        var subscriptions = await BusSubscriptionsAsync();
        if (query.SubscriptionId is { } id)
        {
            var subscription = subscriptions.FirstOrDefault(s => s.Id == id) ?? throw NoSubscription(id);
            return [.. (await Streams.GetDeadLettersAsync(id, query.Limit, query.OldestFirst)).Select(d => ToDeadLetter(d, subscription))];
        }

        // Every bus subscription's, merged by when they were parked.
        var letters = new List<EventDeadLetter>();
        foreach (var subscription in subscriptions)
        {
            letters.AddRange((await Streams.GetDeadLettersAsync(subscription.Id, query.Limit, query.OldestFirst)).Select(d => ToDeadLetter(d, subscription)));
        }
        var ordered = query.OldestFirst ? letters.OrderBy(d => d.ParkedAt) : letters.OrderByDescending(d => d.ParkedAt);
        return [.. ordered.Take(query.Limit)];
    }

    public async Task<DeadLetterReplay> ReplayDeadLetters(ReplayDeadLettersRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate();
        if (!(await BusSubscriptionsAsync()).Any(s => s.Id == request.SubscriptionId))
        {
            throw NoSubscription(request.SubscriptionId);
        }
        using var budget = new CancellationTokenSource(ReplayBudget);
        var replay = await this.StreamOperationAsync("replay the dead letters",
            () => Streams.ReplayDeadLettersAsync(request.SubscriptionId, request.EventIds, budget.Token));
        return new DeadLetterReplay(request.SubscriptionId, replay.Replayed, replay.StillParked, replay.Error);
    }

    private static EventDeadLetter ToDeadLetter(StreamDeadLetter letter, StreamSubscriptionHandle subscription) =>
        new(letter.SubscriptionId, EventDeliveryGrain.DomainOf(subscription.Subscriber), BusEvents.ToDomainEvent(letter.Event),
            letter.Error, letter.Attempts, letter.ParkedAt);

    private static KeyNotFoundException NoSubscription(string id) => new($"There is no event subscription '{id}'.");
}
