using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// One live instance of a grain in this silo. Its scheduling state is guarded by its own monitor (no separate
/// lock object: an idle activation stays small). Split by concern: scheduling, lifecycle, and this file, the
/// <see cref="IGrainContext"/> grain code sees.
/// </summary>
internal sealed partial class Activation : IGrainContext
{
    private readonly GrainClassInfo _class;
    private ActivationExtras? _extras;

    private static long s_nextId;

    public Activation(GrainId grainId, GrainClassInfo grainClass)
    {
        GrainId = grainId;
        _class = grainClass;
        _lastActive = grainClass.Runtime.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    /// <summary>Unique among this silo's activations; with the silo address, names this activation in the directory.</summary>
    public long ActivationId { get; } = Interlocked.Increment(ref s_nextId);

    /// <summary>Set when the directory registration was lost to another activation.</summary>
    public GrainAddress? LostTo => (_extras?.ActivationError as DuplicateActivationException)?.Winner;

    public Grain? Grain { get; private set; }

    public GrainClassInfo Class => _class;

    public object? GrainInstance => Grain;

    public IServiceProvider Services => _class.Runtime.Services;

    public IGrainFactory GrainFactory => _class.Runtime;

    private SiloRuntime Runtime => _class.Runtime;

    /// <summary>Rarely needed state, allocated on first use so idle activations stay small.</summary>
    private ActivationExtras Extras => _extras ??= new ActivationExtras();

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName) where TState : new()
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        var name = storageName ?? GrainStorageNames.Default;
        var storage = Services.GetKeyedService<IGrainStorage>(name)
            ?? throw new InvalidOperationException(
                $"Grain {GrainId} asks for storage '{name}', but no grain storage of that name is registered (AddMemoryGrainStorage, AddSqliteGrainStorage or AddPostgresGrainStorage).");
        var state = new PersistentState<TState>(GrainId, stateName, storage);
        lock (this) { (Extras.States ??= []).Add(state); }
        return state;
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        var timer = new GrainTimer(this, callback, state, options);
        lock (this)
        {
            if (_status is ActivationStatus.Invalid) { throw new InvalidOperationException($"Grain {GrainId} is deactivated; it cannot register timers."); }
            (Extras.Timers ??= []).Add(timer);
        }
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (this) { _extras?.Timers?.Remove(timer); }
    }

    public void DeactivateOnIdle() => StartDeactivation(DeactivationReason.ApplicationRequested);

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = Runtime.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * Runtime.TimeProvider.TimestampFrequency);
        lock (this) { Extras.KeepAliveUntil = Math.Max(Extras.KeepAliveUntil, until); }
    }

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Runtime.Reminders.RegisterOrUpdateAsync(this, reminderName, dueTime, period);

    public Task UnregisterReminder(IGrainReminder reminder) => Runtime.Reminders.UnregisterAsync(GrainId, reminder);

    public Task<IGrainReminder?> GetReminder(string reminderName) => Runtime.Reminders.GetAsync(GrainId, reminderName);

    public Task<IReadOnlyList<IGrainReminder>> GetReminders() => Runtime.Reminders.GetAllAsync(GrainId);

    public override string ToString() => $"[Activation {GrainId} {_status}]";

    private sealed class ActivationExtras
    {
        public List<GrainTimer>? Timers;
        public List<IActivationState>? States;
        public long KeepAliveUntil;
        public DeactivationReason Reason;
        public bool DeactivationStarted;
        public Exception? ActivationError;
        public TaskCompletionSource? Deactivated;
        public StatelessWorkerPool? Pool;
    }
}
