using Orleans.Storage;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Orleans' <see cref="AdoNetGrainStorage"/> with the whole grain id in the row key. The provider itself keys rows by
/// the state name and the grain key only, so grains of different types with the same key and state name share a row
/// (dotnet/orleans#8746, #9737), and string keys that parse as hexadecimal integers or GUIDs are folded onto integer
/// and GUID keys ("020235" and "20235" share a row: dotnet/orleans#9706). This hands the provider a stand-in id whose
/// key is "~" + the real id ("type/key"), which never parses as a number or GUID and differs for every grain.
/// </summary>
internal sealed class PostgresAdoNetGrainStorage(AdoNetGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Starts every stored key; no hexadecimal digit, so the provider always stores the key as a string.</summary>
    public const string KeyPrefix = "~";

    public static GrainId StorageId(GrainId grainId) => GrainId.Create(grainId.Type, KeyPrefix + grainId.ToString());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, StorageId(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, StorageId(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, StorageId(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) => inner.Participate(lifecycle);
}
