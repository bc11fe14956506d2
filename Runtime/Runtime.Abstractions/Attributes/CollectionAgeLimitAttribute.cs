namespace Rayswarm.Runtime.Abstractions;

/// <summary>Overrides how long an activation of this class may stay idle before it is collected (default 15 minutes).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    /// <summary>Days part of the limit.</summary>
    public double Days { get; init; }

    /// <summary>Hours part of the limit.</summary>
    public double Hours { get; init; }

    /// <summary>Minutes part of the limit.</summary>
    public double Minutes { get; init; }

    /// <summary>Seconds part of the limit.</summary>
    public double Seconds { get; init; }

    /// <summary>Never collect idle activations of this class.</summary>
    public bool AlwaysActive { get; init; }

    /// <summary>The limit as a time span (<see cref="Timeout.InfiniteTimeSpan"/> when always active).</summary>
    public TimeSpan Amount => AlwaysActive
        ? Timeout.InfiniteTimeSpan
        : TimeSpan.FromDays(Days) + TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes) + TimeSpan.FromSeconds(Seconds);
}
