using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Routes calls to grains that have no activation in this silo: finds the grain's activation through the location
/// cache (a hint) or the strongly consistent directory, or places a new one; sends the request there, or activates
/// here. Also registers this silo's activations in the directory, receives requests and responses from other silos,
/// and cleans up after silos that died.
/// </summary>
internal sealed partial class ClusterRouter
{
    private const int MaxRouteAttempts = 5;
    private readonly SiloRuntime _runtime;
    private readonly IGrainDirectory _directory;
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();
    private readonly ConcurrentDictionary<long, IPendingCall> _pending = new();
    private readonly ConcurrentDictionary<SiloAddress, SiloLoad> _loads = new();
    /// <summary>Silos to place nothing on until the given time: they refused a call (shutting down) or could not be reached.</summary>
    private readonly ConcurrentDictionary<SiloAddress, DateTimeOffset> _refusing = new();
    private long _nextCorrelationId;

    public ClusterRouter(SiloRuntime runtime, IClusterView view, IGrainDirectory directory, IMessageTransport transport, IMessageCodec codec)
    {
        _runtime = runtime;
        View = view;
        _directory = directory;
        Transport = transport;
        Codec = codec;
    }

    public IClusterView View { get; }

    public SiloAddress Local => View.Local;

    public IMessageTransport Transport { get; }

    public IMessageCodec Codec { get; }

    public SiloRuntime Runtime => _runtime;

    public int PendingCount => _pending.Count;

    public long NextCorrelationId() => Interlocked.Increment(ref _nextCorrelationId);

    /// <summary>
    /// Routes a turn for a grain with no usable local activation. Never throws: failures reject the turn.
    /// <paramref name="placedHere"/>: another silo already placed the grain here, so if it has no activation anywhere it
    /// activates here rather than being placed again.
    /// </summary>
    public void Route(GrainId grainId, GrainClassInfo grainClass, Turn turn, bool placedHere = false)
    {
        turn.OnQueued();
        _ = RouteAsync(grainId, grainClass, turn, placedHere);
    }

    private async Task RouteAsync(GrainId grainId, GrainClassInfo grainClass, Turn turn, bool placedHere)
    {
        try
        {
            for (var attempt = 0; attempt < MaxRouteAttempts; attempt++)
            {
                var located = await LocateAsync(grainId);
                var target = located?.Silo ?? (placedHere && attempt == 0 && !_runtime.IsStopping ? Local : Place(grainId, grainClass));
                if (target != Local)
                {
                    await turn.SendToAsync(target, this);
                    return;
                }
                if (_runtime.IsStopping) { throw new SiloUnavailableException($"Silo {Local} is shutting down and no other silo can host {grainId}."); }
                // Here: create (or find) the local activation; a lost directory race sends us round again.
                if (_runtime.DispatchLocal(grainId, grainClass, turn) is null) { return; }
            }
            throw new SiloUnavailableException($"Could not route a call to {grainId} after {MaxRouteAttempts} attempts.");
        }
        catch (Exception e)
        {
            turn.Reject(e is SiloUnavailableException or DeadlockException or GrainCallTimeoutException ? e : new SiloUnavailableException($"Routing a call to {grainId} failed: {e.Message}"));
        }
    }

    /// <summary>The grain's live activation from the cache or the directory; null when it has none (or only a dead one).</summary>
    private async ValueTask<GrainAddress?> LocateAsync(GrainId grainId)
    {
        if (_cache.TryGetValue(grainId, out var cached))
        {
            if (!View.IsDead(cached.Silo)) { return cached; }
            _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grainId, cached));
        }
        var found = await _directory.LookupAsync(grainId, CancellationToken.None);
        if (found is null || View.IsDead(found.Silo)) { return null; }
        _cache[grainId] = found;
        return found;
    }

    private SiloAddress Place(GrainId grainId, GrainClassInfo grainClass)
    {
        var candidates = View.PlacementCandidates;
        if (_runtime.IsStopping || !_refusing.IsEmpty)
        {
            var now = _runtime.TimeProvider.GetUtcNow();
            var usable = candidates.Where(s => (s != Local || !_runtime.IsStopping) && !(_refusing.TryGetValue(s, out var until) && until > now)).ToList();
            if (usable.Count > 0) { candidates = usable; }
        }
        return PlacementDirector.Choose(grainClass.Placement, grainId, Local, candidates, Load);
    }

    public SiloLoad Load(SiloAddress silo) => silo == Local ? _runtime.LocalLoad() : _loads.GetValueOrDefault(silo, SiloLoad.Unknown);

    public void ReportLoad(SiloAddress silo, SiloLoad load) => _loads[silo] = load;

    /// <summary>Makes <paramref name="activation"/> the grain's directory entry, taking over from a dead silo if needed.</summary>
    public async Task RegisterAsync(Activation activation)
    {
        var mine = new GrainAddress(activation.GrainId, Local, activation.ActivationId);
        GrainAddress? replace = null;
        for (var attempt = 0; attempt < MaxRouteAttempts; attempt++)
        {
            var winner = await _directory.RegisterAsync(mine, replace, CancellationToken.None);
            if (winner == mine)
            {
                _cache[mine.GrainId] = mine;
                return;
            }
            if (winner.Silo == Local && _runtime.Catalog.Owns(winner))
            {
                _cache[mine.GrainId] = winner;
                throw new DuplicateActivationException(winner);
            }
            if (!View.IsDead(winner.Silo) && winner.Silo != Local)
            {
                _cache[mine.GrainId] = winner;
                throw new DuplicateActivationException(winner);
            }
            replace = winner; // a dead silo's (or a gone local activation's) row: take it over
        }
        throw new SiloUnavailableException($"Could not register {activation.GrainId} in the grain directory.");
    }

    public async Task UnregisterAsync(Activation activation)
    {
        var mine = new GrainAddress(activation.GrainId, Local, activation.ActivationId);
        _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(mine.GrainId, mine));
        await _directory.UnregisterAsync(mine, CancellationToken.None);
    }

    /// <summary>A silo refused a call (shutting down) or could not be reached: place nothing there for a while.</summary>
    public void Avoid(SiloAddress silo)
    {
        if (silo != Local) { _refusing[silo] = _runtime.TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(5); }
    }

    /// <summary>Records where a grain actually lives (learned from a response).</summary>
    public void Learn(GrainAddress address) => _cache[address.GrainId] = address;

    public void Forget(GrainId grainId) => _cache.TryRemove(grainId, out _);

    /// <summary>Sends a request and registers it as pending; a failed send fails the call at once.</summary>
    public async ValueTask SendRequestAsync(SiloAddress target, Message message, IPendingCall pending)
    {
        _pending[message.CorrelationId] = pending;
        try { await Transport.SendAsync(target, message, CancellationToken.None); }
        catch (Exception e)
        {
            if (_pending.TryRemove(message.CorrelationId, out _))
            {
                if (e is not SiloUnavailableException) { e = new SiloUnavailableException($"Cannot reach silo {target}: {e.Message}"); }
                Forget(message.TargetGrain);
                Avoid(target);
                pending.OnNotSent(e);
            }
        }
    }

    public void CancelPending(long correlationId) => _pending.TryRemove(correlationId, out _);

    /// <summary>A silo is gone (dead, or its connection broke): forget it and fail calls waiting on it.</summary>
    public void OnSiloLost(SiloAddress silo, Exception reason)
    {
        foreach (var (grain, address) in _cache)
        {
            if (address.Silo == silo) { _cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grain, address)); }
        }
        foreach (var (id, pending) in _pending)
        {
            if (pending.Target == silo && _pending.TryRemove(id, out _)) { pending.OnTargetLost(reason); }
        }
        _loads.TryRemove(silo, out _);
        _refusing.TryRemove(silo, out _);
    }

    /// <summary>A silo was declared dead: besides <see cref="OnSiloLost"/>, release its directory rows so its grains can activate elsewhere.</summary>
    public async Task OnSiloDeadAsync(SiloAddress silo)
    {
        OnSiloLost(silo, new SiloUnavailableException($"Silo {silo} died; the call may or may not have run."));
        await _directory.UnregisterSiloAsync(silo, CancellationToken.None);
    }
}
