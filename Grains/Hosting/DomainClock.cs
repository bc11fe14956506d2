namespace Rayswarm.Grains;

/// <summary>
/// The domain system's clock: a keyed <see cref="TimeProvider"/> (the system clock unless a host or test registers another
/// under <see cref="Key"/>). It is keyed so that a test can drive the domain system's time (heartbeat silence, timestamps)
/// while Orleans' own timers, membership and reminders keep running on real time.
/// </summary>
public static class DomainClock
{
    /// <summary>The service key of the domain system's <see cref="TimeProvider"/>.</summary>
    public const string Key = "rayswarm.domain-clock";
}
