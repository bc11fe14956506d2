namespace Rayswarm.Grains;

/// <summary>A silo is ready once it is <see cref="SiloStatus.Active"/> in the cluster's membership and its own start is done
/// (<see cref="SiloRunState"/>), until its stop begins.</summary>
internal sealed class SiloReadiness(ISiloStatusOracle membership, SiloRunState runState) : IReadinessCheck
{
    public string? WhyNotReady()
    {
        var status = membership.CurrentStatus;
        if (status != SiloStatus.Active) { return $"The silo is {status} in the cluster's membership, not Active."; }
        return runState.IsServing ? null : "The silo has not finished starting, or has begun to stop.";
    }
}
