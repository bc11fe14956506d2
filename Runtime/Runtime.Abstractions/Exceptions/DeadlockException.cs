namespace Rayswarm.Runtime.Abstractions;

/// <summary>A call would wait on itself: the target activation is busy with a turn that is (transitively)
/// waiting for this very call. Raised at once instead of after a timeout.</summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception for a cycle, listed from the first grain to the one called again.</summary>
    public DeadlockException(IReadOnlyList<GrainId> cycle)
        : base($"Deadlock: the call cycle {string.Join(" -> ", cycle)} among non-reentrant grains would never complete.")
    {
        Cycle = cycle;
    }

    /// <summary>Recreates the exception from its message (as it arrives from another silo; the cycle is in the message).</summary>
    public DeadlockException(string message) : base(message)
    {
        Cycle = [];
    }

    /// <summary>The grains in the cycle; the first and last are the same grain.</summary>
    public IReadOnlyList<GrainId> Cycle { get; }
}
