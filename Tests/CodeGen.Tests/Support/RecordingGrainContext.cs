using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

/// <summary>A grain context for constructing grains through generated factories; records the states asked for.</summary>
internal sealed class RecordingGrainContext(IServiceProvider services) : IGrainContext
{
    public List<RequestedState> RequestedStates { get; } = [];

    public GrainId GrainId { get; } = new("counter", "c1");

    public object? GrainInstance => null;

    public IServiceProvider Services => services;

    public IGrainFactory GrainFactory { get; } = new UnusedGrainFactory();

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName) where TState : new()
    {
        var state = new InMemoryState<TState>();
        RequestedStates.Add(new RequestedState(stateName, storageName, typeof(TState), state));
        return state;
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options) =>
        throw new NotSupportedException();

    public void DeactivateOnIdle() => throw new NotSupportedException();

    public void DelayDeactivation(TimeSpan timeSpan) => throw new NotSupportedException();

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

    public Task UnregisterReminder(IGrainReminder reminder) => throw new NotSupportedException();

    public Task<IGrainReminder?> GetReminder(string reminderName) => throw new NotSupportedException();

    public Task<IReadOnlyList<IGrainReminder>> GetReminders() => throw new NotSupportedException();

    private sealed class UnusedGrainFactory : IGrainFactory
    {
        public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey => throw new NotSupportedException();

        public TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey => throw new NotSupportedException();

        public TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey => throw new NotSupportedException();

        public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain => throw new NotSupportedException();
    }
}

/// <summary>A persistent state a generated factory asked for.</summary>
internal sealed record RequestedState(string StateName, string? StorageName, Type StateType, object State);
