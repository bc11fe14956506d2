using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Activation and deactivation. Both run as exclusive turns, so grain code never overlaps them.</summary>
internal sealed partial class Activation
{
    /// <summary>Begins activating; runs inline on the calling thread when it can. Requests submitted meanwhile wait.</summary>
    public void Activate(bool allowInline)
    {
        var turn = new LifecycleTurn(activating: true, DeactivationReason.ActivationFailed);
        bool inline;
        lock (this)
        {
            Admit(turn);
            inline = allowInline && !_executing;
            if (inline) { _executing = true; }
            else { EnqueueReady(new ReadyItem(turn, null, null)); }
        }
        if (inline) { RunInline(turn); }
    }

    internal async Task RunActivationAsync()
    {
        // In a cluster, the activation may serve only once it holds the grain's directory row.
        if (Runtime.Router is { } router && !_class.IsStatelessWorker) { await router.RegisterAsync(this); }
        using (Grain.BeginConstruction(this))
        {
            Grain = _class.Metadata.Create(Services, this);
        }
        var states = _extras?.States;
        if (states is not null)
        {
            foreach (var state in states) { await state.LoadAsync(CancellationToken.None); }
        }
        await Grain.OnActivateAsync(CancellationToken.None);
    }

    internal void OnActivated(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            lock (this)
            {
                if (_status == ActivationStatus.Activating)
                {
                    _status = _extras?.Deactivated is null ? ActivationStatus.Valid : ActivationStatus.Deactivating;
                }
                AdmitWaiting();
            }
            return;
        }
        var error = task.Exception?.InnerException ?? new TaskCanceledException($"Activation of {GrainId} was canceled.");
        var lost = error is DuplicateActivationException;
        if (!lost) { Runtime.Log.ActivationFailed(error, GrainId); }
        Runtime.Catalog.Remove(this);
        Queue<Turn>? waiting;
        lock (this)
        {
            _status = ActivationStatus.Invalid;
            Extras.ActivationError = error;
            waiting = _pending;
            _pending = null;
            _extras?.Deactivated?.TrySetResult();
        }
        while (waiting is not null && waiting.TryDequeue(out var turn))
        {
            // Lost the directory race: the grain lives elsewhere, so its calls go there.
            if (lost) { turn.Forward(); }
            else { turn.Reject(error); }
        }
    }

    /// <summary>Asks the activation to go away once its running turns are done. Idempotent.</summary>
    public Task StartDeactivation(DeactivationReason reason)
    {
        lock (this)
        {
            var extras = Extras;
            if (extras.Deactivated is { } existing) { return existing.Task; }
            extras.Deactivated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            extras.Reason = reason;
            if (_status == ActivationStatus.Valid)
            {
                _status = ActivationStatus.Deactivating;
                AdmitWaiting();
            }
            else if (_status == ActivationStatus.Invalid) { extras.Deactivated.TrySetResult(); }
            // Activating: OnActivated admits waiting work; deactivation follows once Valid (checked there).
            return extras.Deactivated.Task;
        }
    }

    /// <summary>Under the monitor, with no running turns: schedules the OnDeactivateAsync turn.</summary>
    private void BeginDeactivationTurn()
    {
        var extras = _extras!;
        if (extras.DeactivationStarted) { return; }
        extras.DeactivationStarted = true;
        var turn = new LifecycleTurn(activating: false, extras.Reason);
        Admit(turn);
        EnqueueReady(new ReadyItem(turn, null, null));
    }

    internal async Task RunDeactivationAsync(DeactivationReason reason)
    {
        List<GrainTimer>? timers;
        lock (this) { timers = _extras?.Timers is { Count: > 0 } t ? [.. t] : null; }
        if (timers is not null) { foreach (var timer in timers) { timer.Dispose(); } }
        try
        {
            if (Grain is not null)
            {
                using var cts = new CancellationTokenSource(Runtime.DeactivationTimeout, Runtime.TimeProvider);
                await Grain.OnDeactivateAsync(reason, cts.Token);
            }
        }
        finally
        {
            if (Runtime.Router is { } router && !_class.IsStatelessWorker) { await router.UnregisterAsync(this); }
        }
    }

    internal void OnDeactivated(Task task)
    {
        if (!task.IsCompletedSuccessfully) { Runtime.Log.DeactivationFailed(task.Exception?.InnerException, GrainId); }
        Runtime.Catalog.Remove(this);
        Queue<Turn>? waiting;
        lock (this)
        {
            _status = ActivationStatus.Invalid;
            waiting = _pending;
            _pending = null;
        }
        // Requests that arrived while deactivating go to the grain's next activation.
        while (waiting is not null && waiting.TryDequeue(out var turn))
        {
            if (!turn.IsAbandoned) { turn.Forward(); }
        }
        _extras!.Deactivated!.TrySetResult();
    }

    /// <summary>Whether the collector may deactivate this activation now.</summary>
    public bool IsIdleLongerThan(long nowTimestamp, long ageTicks)
    {
        lock (this)
        {
            return _status == ActivationStatus.Valid && _running == 0 && !_executing && (_pending is null || _pending.Count == 0)
                && nowTimestamp - _lastActive >= ageTicks && nowTimestamp >= (_extras?.KeepAliveUntil ?? 0);
        }
    }

    internal StatelessWorkerPool? Pool
    {
        get => _extras?.Pool;
        set => Extras.Pool = value;
    }
}
