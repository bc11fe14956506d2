namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>Registers the reminder <see cref="Name"/> and records its ticks.</summary>
public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    public const string Name = "tick";

    public Task Register(TimeSpan period) => this.RegisterOrUpdateReminder(Name, period, period);

    public async Task<string[]> ReminderNames() => [.. (await this.GetReminders()).Select(r => r.ReminderName).Order()];

    public async Task Unregister()
    {
        if (await this.GetReminder(Name) is { } reminder) { await this.UnregisterReminder(reminder); }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Name) { ReminderTicks.Record(this.GetPrimaryKeyString()); }
        return Task.CompletedTask;
    }
}
