using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A timer of one activation. Each tick is a turn of the activation (the timer object itself is that turn, as ticks
/// never overlap: the next tick is scheduled only after the callback's task completed).
/// </summary>
internal sealed class GrainTimer : Turn, IGrainTimer
{
    private readonly Activation _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;

    public GrainTimer(Activation activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
        : base(caller: null)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = activation.Class.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public override bool IsReadOnly => false;

    public override bool IsAlwaysInterleave => _interleave;

    public override bool IsAbandoned => _disposed.IsCancellationRequested;

    public override bool CountsAsActivity => _keepAlive;

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _dueTime = dueTime;
        _period = period;
        Arm(dueTime);
    }

    private void Arm(TimeSpan due)
    {
        if (_disposed.IsCancellationRequested || due == Timeout.InfiniteTimeSpan) { return; }
        try { _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan); }
        catch (ObjectDisposedException) { /* disposed concurrently */ }
    }

    private void OnTick()
    {
        if (_disposed.IsCancellationRequested) { return; }
        Completed = false;
        if (_activation.Submit(this, allowInline: false) == SubmitResult.Retry) { Dispose(); }
    }

    public override Task Start(Activation activation) => _callback(_state, _disposed.Token);

    public override void Finish(Task task)
    {
        if (task.IsFaulted) { _activation.Class.Runtime.Log.TimerFailed(task.Exception!.InnerException, _activation.GrainId); }
        Arm(_period);
    }

    public override void Reject(Exception exception) => Dispose();

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) { return; }
        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }
}
