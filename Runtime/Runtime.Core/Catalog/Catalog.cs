using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The silo's activations by grain id. A grain id maps to exactly one <see cref="Activation"/>, or to a
/// <see cref="StatelessWorkerPool"/> for stateless workers. Creation goes through GetOrAdd, so concurrent first
/// calls agree on one activation.
/// </summary>
internal sealed class Catalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, object> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The activation that should serve a call to <paramref name="grainId"/>, created (and activating) if needed.</summary>
    public Activation GetOrCreate(GrainId grainId, GrainClassInfo grainClass, bool allowInline, out bool created)
    {
        created = false;
        while (true)
        {
            if (_entries.TryGetValue(grainId, out var existing))
            {
                if (existing is Activation a) { return a; }
                return ((StatelessWorkerPool)existing).Pick(allowInline, out created);
            }
            if (runtime.IsStopping) { throw new SiloUnavailableException($"Silo is shutting down; {grainId} cannot be activated."); }
            object entry = grainClass.IsStatelessWorker
                ? new StatelessWorkerPool(grainId, grainClass, this)
                : new Activation(grainId, grainClass);
            if (!_entries.TryAdd(grainId, entry)) { continue; }
            if (entry is Activation activation)
            {
                created = true;
                activation.Activate(allowInline);
                return activation;
            }
            return ((StatelessWorkerPool)entry).Pick(allowInline, out created);
        }
    }

    /// <summary>The live local activation of a grain, if any (never creates one).</summary>
    public bool TryGet(GrainId grainId, out Activation activation)
    {
        if (_entries.TryGetValue(grainId, out var entry) && entry is Activation a)
        {
            activation = a;
            return true;
        }
        activation = null!;
        return false;
    }

    /// <summary>Whether <paramref name="address"/> names an activation this catalog still holds.</summary>
    public bool Owns(GrainAddress address) => TryGet(address.GrainId, out var a) && a.ActivationId == address.ActivationId;

    /// <summary>Removes a gone activation (a no-op if another activation already replaced it).</summary>
    public void Remove(Activation activation)
    {
        if (activation.Pool is { } pool)
        {
            if (pool.Remove(activation)) { _entries.TryRemove(new KeyValuePair<GrainId, object>(activation.GrainId, pool)); }
            return;
        }
        _entries.TryRemove(new KeyValuePair<GrainId, object>(activation.GrainId, activation));
    }

    /// <summary>Every activation, including pooled workers.</summary>
    public IEnumerable<Activation> Activations()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry is Activation a) { yield return a; }
            else { foreach (var w in ((StatelessWorkerPool)entry).Workers) { yield return w; } }
        }
    }
}
