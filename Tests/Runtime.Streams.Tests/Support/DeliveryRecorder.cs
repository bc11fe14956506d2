using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Streams.Tests;

/// <summary>The delivery delegate of a test: records every attempt and every success, and runs <see cref="Handler"/>.</summary>
internal sealed class DeliveryRecorder
{
    private readonly ConcurrentQueue<StreamDelivery> _attempts = new();
    private readonly ConcurrentQueue<StreamDelivery> _delivered = new();

    /// <summary>What a delivery does; throwing makes it fail.</summary>
    public Func<StreamDelivery, CancellationToken, Task> Handler { get; set; } = (_, _) => Task.CompletedTask;

    public IReadOnlyList<StreamDelivery> Attempts => [.. _attempts];

    public IReadOnlyList<StreamDelivery> Delivered => [.. _delivered];

    public int DeliveredCount => _delivered.Count;

    public async Task DeliverAsync(StreamDelivery delivery, CancellationToken cancellation)
    {
        _attempts.Enqueue(delivery);
        await Handler(delivery, cancellation);
        _delivered.Enqueue(delivery);
    }

    public IReadOnlyList<long> SequencesOf(StreamId stream) =>
        [.. _delivered.Where(d => d.Event.Stream == stream).Select(d => d.Event.Sequence)];
}
