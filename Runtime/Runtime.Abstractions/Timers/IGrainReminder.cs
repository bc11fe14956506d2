namespace Rayswarm.Runtime.Abstractions;

/// <summary>A durable reminder of a grain.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name, unique per grain.</summary>
    string ReminderName { get; }

    /// <summary>The time of the first tick.</summary>
    DateTimeOffset StartAt { get; }

    /// <summary>The time between ticks.</summary>
    TimeSpan Period { get; }
}
