using System.Collections.Concurrent;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>What the recording consumers received, per consumer key (unique per test), shared by every silo of the process.</summary>
public static class Deliveries
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Subscription, StreamEvent Event)>> Received = new();
    private static readonly ConcurrentDictionary<(string Consumer, string EventId), int> Attempts = new();
    private static readonly ConcurrentDictionary<string, int> FailuresPerEvent = new();
    private static readonly ConcurrentDictionary<(string Consumer, string EventId), bool> Poisoned = new();

    /// <summary>Makes <paramref name="consumer"/> throw on its first <paramref name="failures"/> attempts at every event (-1: always).</summary>
    public static void FailFirst(string consumer, int failures) => FailuresPerEvent[consumer] = failures;

    /// <summary>Makes <paramref name="consumer"/> throw on every attempt at the event <paramref name="eventId"/>.</summary>
    public static void Poison(string consumer, string eventId) => Poisoned[(consumer, eventId)] = true;

    public static IReadOnlyList<StreamEvent> Of(string consumer) =>
        Received.TryGetValue(consumer, out var queue) ? [.. queue.Select(d => d.Event)] : [];

    public static IReadOnlyList<string> SubscriptionsOf(string consumer) =>
        Received.TryGetValue(consumer, out var queue) ? [.. queue.Select(d => d.Subscription)] : [];

    public static int AttemptsAt(string consumer, string eventId) => Attempts.GetValueOrDefault((consumer, eventId));

    internal static void CountAttempt(string consumer, StreamEvent e) => Attempts.AddOrUpdate((consumer, e.EventId), 1, (_, n) => n + 1);

    internal static bool ShouldFail(string consumer, StreamEvent e) =>
        Poisoned.ContainsKey((consumer, e.EventId)) || FailuresPerEvent.TryGetValue(consumer, out var failures) && (failures < 0 || AttemptsAt(consumer, e.EventId) <= failures);

    internal static void Record(string consumer, string subscription, StreamEvent e) =>
        Received.GetOrAdd(consumer, _ => new()).Enqueue((subscription, e));
}
