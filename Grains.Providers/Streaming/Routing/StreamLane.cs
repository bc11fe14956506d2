namespace Rayswarm.Grains.Providers;

/// <summary>One subscription's progress in one stream, as a router knows it: the durable cursor (read once) moved forward
/// by every event the router finished or skipped (events before the subscription started are skipped, not committed).</summary>
internal sealed class StreamLane
{
    /// <summary>The last sequence finished or skipped; null until read from the log.</summary>
    public long? Cursor { get; set; }
}
