namespace Rayswarm.Grains.Providers;

public sealed partial class MemoryStreamLog
{
    /// <inheritdoc />
    public Task<IReadOnlyList<(StreamId Stream, long LastSequence)>> ReadStreamHeadsAsync(string? streamNamespace, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<(StreamId, long)> heads = [.. _lastSequence
                .Where(h => streamNamespace is null || string.Equals(h.Key.StreamNamespace(), streamNamespace, StringComparison.Ordinal))
                .Select(h => (h.Key, h.Value))];
            return Task.FromResult(heads);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StreamCursor>> ReadCursorsAsync(string subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StreamCursor> cursors = [.. _cursors
                .Where(c => string.Equals(c.Key.Subscription, subscription, StringComparison.Ordinal))
                .Select(c => new StreamCursor(subscription, c.Key.Stream, c.Value))];
            return Task.FromResult(cursors);
        }
    }
}
