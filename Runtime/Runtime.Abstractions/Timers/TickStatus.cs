namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// Facts about one reminder tick. <see cref="MissedTicks"/> counts ticks that fell due while no silo
/// delivered them (for example while the cluster was down); they are not replayed one by one: one
/// catch-up tick is delivered with this count, then the schedule continues.
/// </summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime, long MissedTicks);
