namespace Rayswarm.Runtime.Abstractions;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>A reminder ticked. Activates the grain if needed.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
