namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// Base class of grain implementations. The runtime constructs grains through generated factories
/// (constructor injection, <see cref="PersistentStateAttribute"/> parameters), then calls
/// <see cref="OnActivateAsync"/> before the first request and <see cref="OnDeactivateAsync"/> when the
/// activation is collected, asked to deactivate, or the silo shuts down.
/// </summary>
public abstract class Grain
{
    [ThreadStatic] private static IGrainContext? t_constructing;

    /// <summary>Binds the grain to the activation under construction on this thread.</summary>
    protected Grain()
    {
        GrainContext = t_constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime; use IGrainFactory.GetGrain to get a reference.");
    }

    /// <summary>The runtime's side of this activation.</summary>
    public IGrainContext GrainContext { get; }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>A factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => GrainContext.Services;

    /// <summary>Called before the first request is delivered, after persistent state was read.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation goes away, after its running turns finished.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once its current turns are done.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle collection for at least this long.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => GrainContext.DelayDeactivation(timeSpan);

    /// <summary>Registers a timer; each callback is a turn of this activation and the next tick is scheduled
    /// only after the callback completed. Disposing the result stops it; deactivation stops it too.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return GrainContext.RegisterTimer(static (s, ct) => ((Func<CancellationToken, Task>)s!)(ct), callback,
            new GrainTimerCreationOptions { DueTime = dueTime, Period = period });
    }

    /// <summary>Registers a timer with a state argument and explicit options.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(options);
        return GrainContext.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);
    }

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterOrUpdateReminder(reminderName, dueTime, period);

    /// <summary>Removes a durable reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => GrainContext.UnregisterReminder(reminder);

    /// <summary>Finds a durable reminder by name.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => GrainContext.GetReminder(reminderName);

    /// <summary>This grain's string key.</summary>
    public string GetPrimaryKeyString() => GrainId.Key;

    /// <summary>This grain's Guid key.</summary>
    public Guid GetPrimaryKey() => GrainKeys.ToGuid(GrainId);

    /// <summary>This grain's integer key.</summary>
    public long GetPrimaryKeyLong() => GrainKeys.ToLong(GrainId);

    /// <summary>Runtime use: makes <paramref name="context"/> the context of grains constructed on this thread
    /// until the returned scope is disposed.</summary>
    public static ConstructionScope BeginConstruction(IGrainContext context)
    {
        var previous = t_constructing;
        t_constructing = context;
        return new ConstructionScope(previous);
    }

    /// <summary>Restores the previous construction context.</summary>
    public readonly struct ConstructionScope(IGrainContext? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => t_constructing = previous;
    }
}
