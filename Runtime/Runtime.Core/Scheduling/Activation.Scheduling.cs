using System.Runtime.CompilerServices;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Turn scheduling. Two rules hold under the activation's monitor: (1) admission: a turn starts only if it may
/// interleave with the running ones (none running, [Reentrant] class, [AlwaysInterleave] method, read-only with
/// read-only, or the caller's chain allows re-entry); (2) execution: one thread at a time runs this activation's
/// code (<see cref="_executing"/>). A caller that finds the activation idle runs the turn inline on its own
/// thread, the fast path; otherwise work goes to the queues and a thread-pool item drains them.
/// </summary>
internal sealed partial class Activation : IThreadPoolWorkItem
{
    private const int DrainBudget = 64;
    private ActivationStatus _status;
    private bool _executing;
    private int _running;
    private int _runningReadOnly;
    private Queue<Turn>? _pending;
    private Queue<ReadyItem>? _ready;
    private long _lastActive;

    public ActivationStatus Status => _status;

    /// <summary>A cheap, unlocked guess that the activation could run a call inline now.</summary>
    public bool LooksIdle => !_executing && _running == 0 && _status == ActivationStatus.Valid;

    /// <summary>
    /// Offers a turn. Returns <see cref="SubmitResult.Retry"/> if this activation is gone, except that the call that
    /// created an activation whose activation failed gets that failure (so a failing activation is not retried forever).
    /// </summary>
    public SubmitResult Submit(Turn turn, bool allowInline, bool createdForThisTurn = false)
    {
        var runInline = false;
        Exception? rejection = null;
        lock (this)
        {
            if (_status == ActivationStatus.Invalid)
            {
                // A failed activation fails the calls that were waiting for it; the next call tries a new one.
                if (!createdForThisTurn || _extras?.ActivationError is not { } failed || failed is DuplicateActivationException) { return SubmitResult.Retry; }
                rejection = failed;
            }
            else
            {
                var chain = turn.Caller is null && turn.RemoteChain.Count == 0 ? ChainVerdict.NotInChain : CheckChain(turn, out rejection);
                if (chain == ChainVerdict.Deadlock) { /* rejected below, outside the lock */ }
                else if (chain == ChainVerdict.Reenter
                    || (_status == ActivationStatus.Valid && (_pending is null || _pending.Count == 0) && CanAdmit(turn)))
                {
                    Admit(turn);
                    runInline = allowInline && !_executing && RuntimeHelpers.TryEnsureSufficientExecutionStack();
                    if (runInline) { _executing = true; }
                    else
                    {
                        turn.OnQueued();
                        EnqueueReady(new ReadyItem(turn, null, null));
                    }
                }
                else
                {
                    turn.OnQueued();
                    (_pending ??= new Queue<Turn>()).Enqueue(turn);
                }
            }
        }
        if (rejection is not null) { turn.Reject(rejection); }
        else if (runInline) { RunInline(turn); }
        return SubmitResult.Accepted;
    }

    /// <summary>Queues an awaited continuation of one of this activation's turns.</summary>
    public void EnqueueContinuation(Turn turn, SendOrPostCallback callback, object? state)
    {
        lock (this) { EnqueueReady(new ReadyItem(turn, callback, state)); }
    }

    /// <summary>Drains ready work on a thread-pool thread, a bounded batch at a time for fairness.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        for (var i = 0; i < DrainBudget; i++)
        {
            ReadyItem item;
            lock (this)
            {
                if (_ready is null || !_ready.TryDequeue(out item))
                {
                    _executing = false;
                    return;
                }
            }
            RunReadyItem(item);
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void RunInline(Turn turn)
    {
        var task = StartTurn(turn);
        var completed = task.IsCompleted;
        lock (this)
        {
            _executing = false;
            if (completed) { Release(turn); }
            if (_ready is { Count: > 0 } && !_executing) { ScheduleDrain(); }
        }
        if (completed) { turn.Finish(task); }
        else { AwaitTurn(turn, task); }
    }

    private void RunReadyItem(ReadyItem item)
    {
        var turn = item.Turn;
        if (item.Callback is not null)
        {
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(turn);
            try { item.Callback(item.State); }
            catch (Exception e) { Runtime.Log.ContinuationFailed(e, GrainId); }
            finally { SynchronizationContext.SetSynchronizationContext(previous); }
            return;
        }
        if (turn.IsAbandoned)
        {
            CompleteTurn(turn, Task.CompletedTask);
            return;
        }
        var task = StartTurn(turn);
        if (task.IsCompleted) { CompleteTurn(turn, task); }
        else { AwaitTurn(turn, task); }
    }

    private Task StartTurn(Turn turn)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(turn);
        try { return turn.Start(this); }
        catch (Exception e) { return Task.FromException(e); }
        finally { SynchronizationContext.SetSynchronizationContext(previous); }
    }

    private void AwaitTurn(Turn turn, Task task)
    {
        turn.OnPending();
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => CompleteTurn(turn, task));
    }

    /// <summary>Releases the activation from a finished turn, admits waiting turns, then tells the turn's caller.</summary>
    private void CompleteTurn(Turn turn, Task task)
    {
        lock (this) { Release(turn); }
        turn.Finish(task);
    }

    /// <summary>Under the monitor: the turn no longer holds the activation; waiting turns may start.</summary>
    private void Release(Turn turn)
    {
        turn.Completed = true;
        _running--;
        if (turn.IsReadOnly) { _runningReadOnly--; }
        if (turn.CountsAsActivity) { _lastActive = Runtime.TimeProvider.GetTimestamp(); }
        AdmitWaiting();
    }

    private void Admit(Turn turn)
    {
        turn.Activation = this;
        _running++;
        if (turn.IsReadOnly) { _runningReadOnly++; }
    }

    private bool CanAdmit(Turn turn) =>
        _running == 0
        || _class.IsReentrant
        || turn.IsAlwaysInterleave
        || (turn.IsReadOnly && _running == _runningReadOnly);

    /// <summary>Under the monitor: moves waiting turns that may now start to the ready queue, or starts deactivation.</summary>
    private void AdmitWaiting()
    {
        if (_status == ActivationStatus.Deactivating)
        {
            if (_running == 0) { BeginDeactivationTurn(); }
            return;
        }
        if (_status != ActivationStatus.Valid || _pending is null) { return; }
        while (_pending.TryPeek(out var head))
        {
            if (head.IsAbandoned)
            {
                _pending.Dequeue();
                continue;
            }
            if (!CanAdmit(head)) { break; }
            _pending.Dequeue();
            Admit(head);
            EnqueueReady(new ReadyItem(head, null, null));
        }
    }

    private void EnqueueReady(ReadyItem item)
    {
        (_ready ??= new Queue<ReadyItem>()).Enqueue(item);
        if (!_executing) { ScheduleDrain(); }
    }

    private void ScheduleDrain()
    {
        _executing = true;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>
    /// Under the monitor: is this activation already holding a turn that waits, through the call chain, for the
    /// new turn? Then the new turn either re-enters (allowed by reentrancy rules) or would deadlock.
    /// </summary>
    private ChainVerdict CheckChain(Turn turn, out Exception? deadlock)
    {
        deadlock = null;
        var root = turn;
        for (var link = turn; link.Caller is { } caller; link = caller)
        {
            root = caller;
            if (caller.Activation != this || caller.Completed) { continue; }
            if (link.CallerAllowsReentry || MayInterleave(turn)) { return ChainVerdict.Reenter; }
            deadlock = new DeadlockException(Cycle(turn, stopAt: caller, remoteTail: []));
            return ChainVerdict.Deadlock;
        }
        // The chain continues on other silos: there this grain is named by id (one activation cluster-wide).
        var remote = root.RemoteChain;
        for (var i = 0; i < remote.Count; i++)
        {
            if (remote[i].GrainId != GrainId || _class.IsStatelessWorker) { continue; }
            if (remote[i].AllowsReentry || MayInterleave(turn)) { return ChainVerdict.Reenter; }
            deadlock = new DeadlockException(Cycle(turn, stopAt: null, remoteTail: [.. remote.Skip(i + 1).Select(f => f.GrainId)]));
            return ChainVerdict.Deadlock;
        }
        return ChainVerdict.NotInChain;
    }

    private bool MayInterleave(Turn turn) => _class.IsReentrant || turn.IsAlwaysInterleave || (turn.IsReadOnly && _running == _runningReadOnly);

    /// <summary>The cycle from this grain back to itself: the remote part, then the local callers, outermost first.</summary>
    private List<GrainId> Cycle(Turn turn, Turn? stopAt, IReadOnlyList<GrainId> remoteTail)
    {
        var local = new List<GrainId>();
        for (var t = turn.Caller; t is not null && t != stopAt; t = t.Caller) { local.Add(t.GrainId); }
        local.Reverse();
        return [GrainId, .. remoteTail, .. local, GrainId];
    }

    private enum ChainVerdict { NotInChain, Reenter, Deadlock }
}
