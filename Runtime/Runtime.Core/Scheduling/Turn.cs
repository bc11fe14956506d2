using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// One unit of grain work that holds the activation while it runs: a request, a timer tick, activation or
/// deactivation. It is also the <see cref="SynchronizationContext"/> of its own code, so every continuation
/// after an <c>await</c> in grain code comes back through the activation's queue (one piece of code at a time),
/// and so calls made by grain code know their caller (the call chain used for deadlock detection).
/// </summary>
internal abstract class Turn : SynchronizationContext, ICallChainScope
{
    private int _chainReentrancy;
    private volatile bool _completed;

    protected Turn(Turn? caller) => Caller = caller;

    /// <summary>The activation that runs this turn (set when the turn is admitted to one).</summary>
    public Activation? Activation { get; set; }

    /// <summary>The turn whose code made this call, or null for calls from outside any grain.</summary>
    public Turn? Caller { get; }

    /// <summary>Whether the caller allowed its own activation to be re-entered by this call's chain.</summary>
    public bool CallerAllowsReentry { get; init; }

    /// <summary>True once the turn's work completed; a completed turn no longer holds its activation.</summary>
    public bool Completed { get => _completed; set => _completed = value; }

    public abstract bool IsReadOnly { get; }

    public abstract bool IsAlwaysInterleave { get; }

    /// <summary>Whether calls made by this turn now may re-enter its activation.</summary>
    public bool AllowsChainReentrancy => Volatile.Read(ref _chainReentrancy) > 0;

    /// <summary>True when nobody waits for this turn any more (its caller timed out); it is skipped if not started.</summary>
    public virtual bool IsAbandoned => false;

    /// <summary>Starts the turn's work on the activation's grain; called with this turn as the current context.</summary>
    public abstract Task Start(Activation activation);

    /// <summary>Called once when the task returned by <see cref="Start"/> completed and the activation was released.</summary>
    public abstract void Finish(Task task);

    /// <summary>Called instead of <see cref="Start"/> when the turn is refused (deadlock, shutdown, failed activation).</summary>
    public abstract void Reject(Exception exception);

    /// <summary>Whether finishing this turn counts as activity that postpones idle collection.</summary>
    public virtual bool CountsAsActivity => true;

    /// <summary>Sends a turn that waited on an activation which went away to the grain's next activation.</summary>
    public virtual void Forward() => Reject(new SiloUnavailableException($"The activation of {GrainId} went away before this work started."));

    /// <summary>The turns waiting on this one on other silos (for requests that came over the network), outermost first.</summary>
    public virtual IReadOnlyList<CallChainFrame> RemoteChain => [];

    /// <summary>Sends the turn's request to another silo (a call, or a relay of a call that came from elsewhere).</summary>
    public virtual ValueTask SendToAsync(SiloAddress target, ClusterRouter router)
    {
        Reject(new InvalidOperationException($"{GetType().Name} cannot run on another silo."));
        return ValueTask.CompletedTask;
    }

    /// <summary>The call chain a call made by this turn carries to another silo: this turn and every turn waiting on it, outermost first.</summary>
    public IReadOnlyList<CallChainFrame> ChainForCall(bool allowsReentry)
    {
        var frames = new List<CallChainFrame>();
        var allows = allowsReentry;
        Turn? root = null;
        for (var t = this; t is not null; t = t.Caller)
        {
            if (t.Activation is { } a && !a.Class.IsStatelessWorker) { frames.Add(new CallChainFrame(a.GrainId, allows)); }
            allows = t.CallerAllowsReentry;
            root = t;
        }
        frames.Reverse();
        return root is null || root.RemoteChain.Count == 0 ? frames : [.. root.RemoteChain, .. frames];
    }

    /// <summary>Called when the turn is queued rather than run at once, before any other thread can finish it.</summary>
    public virtual void OnQueued() { }

    /// <summary>Called when the turn's task did not complete synchronously.</summary>
    public virtual void OnPending() { }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        var activation = Activation;
        if (activation is null) { ThreadPool.UnsafeQueueUserWorkItem(static s => s.d(s.state), (d, state), preferLocal: false); }
        else { activation.EnqueueContinuation(this, d, state); }
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send is not supported in a grain turn; await instead.");

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    IDisposable ICallChainScope.AllowCallChainReentrancy()
    {
        Interlocked.Increment(ref _chainReentrancy);
        return new ReentrancyScope(this);
    }

    private sealed class ReentrancyScope(Turn turn) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) { Interlocked.Decrement(ref turn._chainReentrancy); }
        }
    }

    /// <summary>The grain that runs this turn, for messages.</summary>
    public GrainId GrainId => Activation?.GrainId ?? default;
}
