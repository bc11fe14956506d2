namespace Rayswarm.Grains.Providers;

// Replaying dead letters: one attempt each, in parked order, stopping at the first failure.
internal sealed partial class EventStreams
{
    public async Task<StreamReplay> ReplayDeadLettersAsync(string subscriptionId, IReadOnlyCollection<string>? eventIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        if (eventIds is { Count: > StreamReplay.MaxEvents })
        {
            throw new ArgumentException($"Replay at most {StreamReplay.MaxEvents} events at a time.", nameof(eventIds));
        }
        if (eventIds is not null && eventIds.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An event id is empty.", nameof(eventIds));
        }
        var subscription = (await Log.ReadSubscriptionsAsync(cancellationToken)).FirstOrDefault(s => s.Id == subscriptionId)
            ?? throw new KeyNotFoundException($"There is no subscription '{subscriptionId}'.");
        var letters = await SelectAsync(subscriptionId, eventIds, cancellationToken);

        var consumer = grains.GetGrain<IEventConsumer>(subscription.Subscriber);
        var replayed = new List<string>(letters.Count);
        for (var i = 0; i < letters.Count; i++)
        {
            var streamEvent = letters[i].Event;
            string? error = null;
            try
            {
                await consumer.OnEvent(subscriptionId, streamEvent).WaitAsync(runtime.Options.DeliveryTimeout, runtime.Time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error = "The replay ran out of time before this event; replay again for the rest.";
            }
            catch (Exception e)
            {
                runtime.Counters.CountFailedAttempt();
                error = $"{e.GetType().FullName}: {e.Message}";
            }
            if (error is not null)
            {
                return new StreamReplay(replayed, [.. letters.Skip(i).Select(d => d.Event.EventId)], error);
            }
            runtime.Counters.CountDelivered();
            runtime.Observer?.Delivered(streamEvent.Stream);
            await Log.RemoveDeadLetterAsync(subscriptionId, streamEvent.EventId, CancellationToken.None);
            replayed.Add(streamEvent.EventId);
        }
        return new StreamReplay(replayed, [], null);
    }

    /// <summary>The dead letters to replay, oldest parked first, one per event id; every asked id must be one of them.</summary>
    private async Task<IReadOnlyList<DeadLetter>> SelectAsync(string subscriptionId, IReadOnlyCollection<string>? eventIds, CancellationToken cancellationToken)
    {
        var limit = eventIds is null ? StreamReplay.MaxEvents : int.MaxValue;
        var parked = (await Log.ReadDeadLettersAsync(subscriptionId, limit, oldestFirst: true, cancellationToken))
            .DistinctBy(d => d.Event.EventId, StringComparer.Ordinal)
            .ToList();
        if (eventIds is null) { return parked; }
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Except(parked.Select(d => d.Event.EventId), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new KeyNotFoundException($"Not dead letters of subscription '{subscriptionId}': {string.Join(", ", missing.Order(StringComparer.Ordinal))}.");
        }
        return [.. parked.Where(d => wanted.Contains(d.Event.EventId))];
    }
}
