namespace Rayswarm.Runtime.Core;

/// <summary>
/// Reminder tick arithmetic. Ticks fall at StartAt + k * Period. Catch-up policy: when a silo takes a reminder
/// over (at start, or later from a dead silo) and one or more ticks fell due without being delivered, it delivers
/// ONE catch-up tick at once, whose <c>TickStatus.MissedTicks</c> counts the other undelivered ticks, then keeps
/// the regular schedule. Missed ticks are never replayed one by one.
/// </summary>
internal static class ReminderSchedule
{
    /// <summary>The first due time strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextDueAfter(ReminderEntry entry, DateTimeOffset after)
    {
        if (after < entry.StartAt) { return entry.StartAt; }
        var k = (after - entry.StartAt).Ticks / entry.Period.Ticks + 1;
        return entry.StartAt + TimeSpan.FromTicks(k * entry.Period.Ticks);
    }

    /// <summary>The latest due time at or before <paramref name="now"/>, or null if the first tick is still ahead.</summary>
    public static DateTimeOffset? LastDueAtOrBefore(ReminderEntry entry, DateTimeOffset now)
    {
        if (now < entry.StartAt) { return null; }
        var k = (now - entry.StartAt).Ticks / entry.Period.Ticks;
        return entry.StartAt + TimeSpan.FromTicks(k * entry.Period.Ticks);
    }

    /// <summary>
    /// If ticks fell due at or before <paramref name="now"/> that were not delivered, the due time of the catch-up
    /// tick and how many other ticks it stands for; otherwise null.
    /// </summary>
    public static (DateTimeOffset Due, long Missed)? CatchUp(ReminderEntry entry, DateTimeOffset now)
    {
        if (LastDueAtOrBefore(entry, now) is not { } lastDue) { return null; }
        if (entry.LastTickAt is { } last && last >= lastDue) { return null; }
        var previous = entry.LastTickAt ?? entry.StartAt - entry.Period;
        var undelivered = (lastDue - previous).Ticks / entry.Period.Ticks;
        return (lastDue, Math.Max(0, undelivered - 1));
    }
}
