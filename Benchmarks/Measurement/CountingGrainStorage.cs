using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Rayswarm.Benchmarks;

/// <summary>
/// Wraps the silo's "Default" grain storage to count state writes and, while <see cref="Sizing"/> is on, the size of each
/// written state as JSON (what the SQLite and PostgreSQL providers store). The workflows scenario learns from it how many
/// writes of what size a workflow makes, then measures raw writes of that shape as its baseline.
/// </summary>
public sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private long _writes;
    private long _sizedWrites;
    private long _sizedBytes;

    /// <summary>Measure the size of each write (costs a serialization; off during measured phases).</summary>
    public bool Sizing { get; set; }

    public long Writes => Interlocked.Read(ref _writes);

    public double AverageBytes => Interlocked.Read(ref _sizedWrites) is var n && n == 0 ? 0 : Interlocked.Read(ref _sizedBytes) / (double)n;

    /// <summary>Replaces the "Default" <see cref="IGrainStorage"/> registered in <paramref name="services"/> with a counting one.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, "Default"))
            ?? throw new InvalidOperationException("The silo has no \"Default\" grain storage to count.");
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>("Default", (sp, key) => new CountingGrainStorage(Create(original, sp, key)));
        services.AddSingleton(sp => (CountingGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>("Default"));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _writes);
        if (Sizing)
        {
            Interlocked.Add(ref _sizedBytes, JsonSerializer.SerializeToUtf8Bytes(grainState.State).Length);
            Interlocked.Increment(ref _sizedWrites);
        }
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private static IGrainStorage Create(ServiceDescriptor original, IServiceProvider services, object? key) =>
        (IGrainStorage)(original.KeyedImplementationInstance
            ?? original.KeyedImplementationFactory?.Invoke(services, key)
            ?? ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!));
}
