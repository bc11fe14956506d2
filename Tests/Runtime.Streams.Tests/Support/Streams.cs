using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Streams.Tests;

/// <summary>Shared set-up: fast options, agents over a log, publishing, and stream keys in chosen partitions.</summary>
internal static class Streams
{
    public const string Namespace = "orders";

    public static readonly ImplicitSubscription Consumer = new(Namespace, "Consumer");

    public static int[] AllPartitions { get; } = [.. Enumerable.Range(0, StreamPartitions.Count)];

    public static StreamOptions FastOptions() => new()
    {
        PollPeriod = TimeSpan.FromMilliseconds(20),
        InitialRetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(40),
        SubscriptionRefreshPeriod = TimeSpan.FromMilliseconds(50),
    };

    public static async Task<StreamDeliveryAgent> StartAgentAsync(
        IStreamLog log,
        DeliveryRecorder recorder,
        StreamOptions? options = null,
        IReadOnlyList<ImplicitSubscription>? implicitSubscriptions = null,
        IReadOnlyCollection<int>? partitions = null)
    {
        IReadOnlyList<ImplicitSubscription> implicits = implicitSubscriptions ?? [Consumer];
        var agent = new StreamDeliveryAgent(log, options ?? FastOptions(), recorder.DeliverAsync, () => implicits, TimeProvider.System, NullLogger.Instance);
        await agent.SetPartitionsAsync(partitions ?? AllPartitions);
        await agent.StartAsync();
        return agent;
    }

    public static StreamId Stream(string key) => new(Namespace, key);

    public static async Task<IReadOnlyList<StoredStreamEvent>> PublishAsync(this IStreamLog log, StreamId stream, int count)
    {
        var events = Enumerable.Range(0, count).Select(_ => new NewStreamEvent(stream, Guid.NewGuid().ToString("N"), "{}")).ToList();
        return await log.AppendAsync(events, CancellationToken.None);
    }

    /// <summary>Distinct stream keys whose streams fall in <paramref name="partition"/>.</summary>
    public static IEnumerable<StreamId> InPartition(int partition) =>
        Enumerable.Range(0, int.MaxValue).Select(i => Stream($"k{i}")).Where(s => StreamPartitions.Of(s) == partition);
}
