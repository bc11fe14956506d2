namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// The runtime's side of one activation, as grain code sees it. The runtime implements it;
/// <see cref="Grain"/> forwards to it.
/// </summary>
public interface IGrainContext
{
    /// <summary>The grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>The silo's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>A factory for references to other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Creates a named persistent state bound to this activation. Its record is read before
    /// <see cref="Grain.OnActivateAsync"/> runs.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName) where TState : new();

    /// <summary>Registers a timer whose callbacks run as turns of this activation.</summary>
    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);

    /// <summary>Deactivates the activation once its current turns are done.</summary>
    void DeactivateOnIdle();

    /// <summary>Keeps the activation from idle collection for at least this long.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Registers or updates a durable reminder for this grain.</summary>
    Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period);

    /// <summary>Removes a durable reminder.</summary>
    Task UnregisterReminder(IGrainReminder reminder);

    /// <summary>Finds a durable reminder of this grain by name.</summary>
    Task<IGrainReminder?> GetReminder(string reminderName);

    /// <summary>All durable reminders of this grain.</summary>
    Task<IReadOnlyList<IGrainReminder>> GetReminders();
}
