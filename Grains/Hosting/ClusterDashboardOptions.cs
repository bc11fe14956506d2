namespace Rayswarm.Grains;

/// <summary>What the Orleans dashboard may cost on a silo (configuration section <see cref="Section"/>, e.g.
/// <c>Rayswarm__Dashboard__ProfileGrainCalls=true</c>); see <see cref="ClusterDashboard"/>.</summary>
public sealed class ClusterDashboardOptions
{
    /// <summary>The configuration section the hosts read these from.</summary>
    public const string Section = "Rayswarm:Dashboard";

    /// <summary>Keep the dashboard's grain call profiler: an incoming grain call filter on every call of every grain, which
    /// times each call while the dashboard is watched and feeds its calls, latency and errors per grain method. Default false.</summary>
    public bool ProfileGrainCalls { get; set; }

    /// <summary>Keep the dashboard's silo counters: a listener on Orleans' meter, read every second, that fills the silo page's
    /// counter table and version labels. It enables all of Orleans' instruments, including the per-message ones our metrics
    /// leave off (<see cref="OrleansMessageInstruments"/>), which cost every grain call. Default false.</summary>
    public bool SiloCounters { get; set; }
}
