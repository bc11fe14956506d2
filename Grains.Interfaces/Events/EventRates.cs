namespace Rayswarm.Grains.Interfaces;

/// <summary>The publish rate of each event type over the last minute (the body of <c>GET /domains/events/rates</c>).</summary>
/// <param name="Types">The types, fastest first, then by total and name (at most <see cref="MaxTypes"/>).</param>
/// <param name="EventTypes">How many event types were ever published (more than <paramref name="Types"/> lists when over the cap).</param>
/// <param name="WindowSeconds">The period the rates were measured over: a minute, less just after the silo answering started.</param>
/// <param name="MeasuredAt">When these figures were taken.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventRates")]
public sealed record EventRates(IReadOnlyList<EventTypeRate> Types, int EventTypes, double WindowSeconds, DateTimeOffset MeasuredAt)
{
    /// <summary>How many types <see cref="Types"/> lists at most.</summary>
    public const int MaxTypes = 50;
}
