using System.Diagnostics;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Answers health checks by exercising the runtime: this call is a grain call, and it writes its own state.</summary>
[GrainType("system")]
public sealed class SystemGrain([PersistentState("probe")] IPersistentState<SystemGrain.ProbeState> probe) : Grain, ISystemGrain
{
    public async Task<HealthReport> CheckHealth()
    {
        var now = DateTimeOffset.UtcNow;
        var checks = new List<HealthCheck> { new("grain_calls", true, $"served by {this.GetGrainId()}") };
        var started = Stopwatch.GetTimestamp();
        try
        {
            probe.State.LastCheckAt = now;
            probe.State.Checks++;
            await probe.WriteStateAsync();
            checks.Add(new HealthCheck("storage", true, $"write took {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            checks.Add(new HealthCheck("storage", false, e.Message));
        }
        return new HealthReport(checks.TrueForAll(c => c.Healthy) ? "healthy" : "unhealthy", checks, now);
    }

    /// <summary>The probe record the health check writes.</summary>
    public sealed class ProbeState
    {
        public DateTimeOffset LastCheckAt { get; set; }

        public long Checks { get; set; }
    }
}
