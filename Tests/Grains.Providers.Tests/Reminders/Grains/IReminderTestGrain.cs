namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>A grain that registers a reminder and counts its ticks in <see cref="ReminderTicks"/>.</summary>
public interface IReminderTestGrain : IGrainWithStringKey
{
    Task Register(TimeSpan period);

    Task<string[]> ReminderNames();

    Task Unregister();
}
