namespace Rayswarm.Runtime.Abstractions;

/// <summary>How a grain timer ticks.</summary>
public sealed record GrainTimerCreationOptions
{
    /// <summary>Time until the first tick.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one callback and the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Whether callbacks interleave with requests (default false: a tick is a turn like any request).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity that postpones idle collection (default false).</summary>
    public bool KeepAlive { get; init; }
}
