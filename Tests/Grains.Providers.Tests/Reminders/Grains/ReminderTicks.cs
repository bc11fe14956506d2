using System.Collections.Concurrent;

namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>The ticks received per grain key, for the tests to wait on (silos run in the test process).</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, int> Ticks = new(StringComparer.Ordinal);

    public static void Record(string grainKey) => Ticks.AddOrUpdate(grainKey, 1, static (_, count) => count + 1);

    public static int Count(string grainKey) => Ticks.GetValueOrDefault(grainKey);
}
