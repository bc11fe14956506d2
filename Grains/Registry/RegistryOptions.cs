namespace Rayswarm.Grains;

/// <summary>How the registry judges domain health. Register with <see cref="RegistryServiceCollectionExtensions.AddRegistry"/>;
/// grains use these defaults when none is registered.</summary>
public sealed class RegistryOptions
{
    /// <summary>How often domains are expected to send a heartbeat. Default 30 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A domain whose last heartbeat is older than this many intervals becomes unhealthy. Default 3.</summary>
    public int MissedHeartbeatsForUnhealthy { get; set; } = 3;

    /// <summary>The silo's shortest reminder period (Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>, 1 minute by default); keep
    /// the two equal. Health is checked by a durable reminder every max(<see cref="HeartbeatInterval"/>, this), so with the
    /// defaults a silent domain is marked unhealthy between 90 and 150 seconds after its last heartbeat.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long without a heartbeat makes a domain unhealthy.</summary>
    public TimeSpan UnhealthyAfter => HeartbeatInterval * MissedHeartbeatsForUnhealthy;

    /// <summary>How often each domain's health reminder runs, when set; by default max(<see cref="HeartbeatInterval"/>,
    /// <see cref="MinimumReminderPeriod"/>). Must not be below Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>.</summary>
    public TimeSpan? CheckEvery { get; set; }

    /// <summary>The period of each domain's health reminder.</summary>
    public TimeSpan HealthCheckPeriod => CheckEvery ?? (HeartbeatInterval > MinimumReminderPeriod ? HeartbeatInterval : MinimumReminderPeriod);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), HeartbeatInterval, "RegistryOptions.HeartbeatInterval must be greater than zero.");
        }
        if (MissedHeartbeatsForUnhealthy < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MissedHeartbeatsForUnhealthy), MissedHeartbeatsForUnhealthy, "RegistryOptions.MissedHeartbeatsForUnhealthy must be at least 1.");
        }
        if (CheckEvery is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CheckEvery), every, "RegistryOptions.CheckEvery must be greater than zero.");
        }
        if (MinimumReminderPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumReminderPeriod), MinimumReminderPeriod, "RegistryOptions.MinimumReminderPeriod must be greater than zero.");
        }
    }
}
