namespace Rayswarm.Grains;

/// <summary>One condition of <c>/readyz</c> (<see cref="ProbeEndpoints"/>): whether this process can take work now. Checks are
/// registered in DI (<c>TryAddEnumerable</c>), answer from memory (no I/O: probes come every few seconds) and never throw.</summary>
public interface IReadinessCheck
{
    /// <summary>Null when ready; otherwise why not, for people ("the silo is Joining the cluster").</summary>
    string? WhyNotReady();
}
