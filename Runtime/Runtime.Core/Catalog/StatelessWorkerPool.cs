using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The local activations of one stateless-worker grain id. A call goes to an idle worker, or to a new one while
/// the pool is below its limit, or else round-robin to a busy one (where it queues).
/// </summary>
internal sealed class StatelessWorkerPool(GrainId grainId, GrainClassInfo grainClass, Catalog catalog)
{
    private readonly Lock _gate = new();
    private Activation[] _workers = [];
    private int _next;

    public IReadOnlyList<Activation> Workers => Volatile.Read(ref _workers);

    public Activation Pick(bool allowInline, out bool created)
    {
        created = false;
        var workers = Volatile.Read(ref _workers);
        foreach (var w in workers)
        {
            if (w.LooksIdle) { return w; }
        }
        Activation? worker = null;
        lock (_gate)
        {
            if (_workers.Length < grainClass.MaxWorkers)
            {
                worker = new Activation(grainId, grainClass) { Pool = this };
                _workers = [.. _workers, worker];
            }
            workers = _workers;
        }
        if (worker is not null)
        {
            created = true;
            worker.Activate(allowInline);
            return worker;
        }
        return workers[(int)((uint)Interlocked.Increment(ref _next) % (uint)workers.Length)];
    }

    /// <summary>Removes a worker; returns true when the pool became empty.</summary>
    public bool Remove(Activation worker)
    {
        lock (_gate)
        {
            _workers = [.. _workers.Where(w => w != worker)];
            return _workers.Length == 0;
        }
    }

    public override string ToString() => $"[Pool {grainId} x{_workers.Length} in {catalog.Count}]";
}
