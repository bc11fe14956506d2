using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>One durable reminder row.</summary>
/// <param name="GrainId">The grain it wakes.</param>
/// <param name="Name">Unique per grain.</param>
/// <param name="StartAt">Time of the first tick; later ticks fall at StartAt + k * Period.</param>
/// <param name="Period">Time between ticks.</param>
/// <param name="LastTickAt">The due time of the last tick delivered, or null if none was (used for catch-up after downtime).</param>
/// <param name="ETag">The row's version; null for a row not yet stored.</param>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, DateTimeOffset? LastTickAt, string? ETag) : IGrainReminder
{
    /// <summary>The stable hash of the grain id that decides which silo owns the reminder.</summary>
    public uint GrainHash => GrainId.StableHash();

    string IGrainReminder.ReminderName => Name;
}
