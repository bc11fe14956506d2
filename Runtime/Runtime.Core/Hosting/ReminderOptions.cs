namespace Rayswarm.Runtime.Core;

/// <summary>Durable reminders. Configuration section <c>Rayswarm:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    /// <summary>The shortest period a reminder may have (reminders are for coarse, durable wake-ups; use timers for
    /// short periods). Default 1 minute.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>In a cluster, how often a silo re-reads the reminders of the hash ranges it owns, to start those
    /// registered through other silos. Default 10 seconds.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
