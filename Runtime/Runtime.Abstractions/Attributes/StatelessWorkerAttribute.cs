namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// The grain class is a stateless worker: each silo keeps a local pool of activations per grain id
/// (at most <paramref name="maxLocalWorkers"/>; 0 means the silo default, one per core) and spreads calls over them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    /// <summary>The pool's size limit; 0 for the silo default.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}
