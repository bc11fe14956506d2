namespace Rayswarm.Grains;

/// <summary>The shared memory's timestamps: whole milliseconds in UTC, which both stores keep exactly.</summary>
internal static class MemoryClock
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        var ticks = time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
