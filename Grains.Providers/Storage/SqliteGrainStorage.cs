using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Grain state in the <c>grain_state</c> table of a SQLite file, one row per grain and state name, the state as JSON
/// (<see cref="JsonGrainStateSerializer"/>). Writes and clears are fenced by the ETag, the row's version: a stale one
/// throws <see cref="InconsistentStateException"/>. A new row starts at a random version, so an ETag from before a
/// clear never matches the row written after it. Writes go through the file's group commit.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteDatabase _database;
    private readonly JsonGrainStateSerializer _serializer;
    private readonly IActivatorProvider _activators;

    /// <summary>Creates the provider; the schema is created at silo start (<see cref="InitializeAsync"/>) or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name no usable database.</exception>
    public SqliteGrainStorage(string name, SqliteStorageOptions options, JsonGrainStateSerializer serializer, IActivatorProvider activators)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(activators);
        _name = name;
        _database = new SqliteDatabase(options);
        _serializer = serializer;
        _activators = activators;
    }

    /// <summary>Writes queued for or inside a group commit of this file, not yet finished (tests wait on it).</summary>
    internal int UnfinishedWrites => _database.UnfinishedGroupedWrites;

    /// <summary>Creates the tables now instead of on first use (idempotent).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId, grainState);
        var row = await _database.ReadAsync((connection, ct) => GrainStateRows.ReadAsync(connection, key, ct), cancellationToken);
        if (row is not { } stored)
        {
            Reset(grainState);
            return;
        }

        grainState.State = Deserialize<T>(stateName, grainId, stored.Json) ?? _activators.GetActivator<T>().Create();
        grainState.ETag = StorageETags.Format(stored.Version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId, grainState);
        var json = _serializer.SerializeToString(grainState.State);
        var given = grainState.ETag;
        var version = await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            if (given is null)
            {
                var first = StorageETags.FirstVersion();
                if (await GrainStateRows.TryInsertAsync(connection, key, json, first, ct)) { return first; }
            }
            else if (StorageETags.TryParse(given, out var expected)
                && await GrainStateRows.TryUpdateAsync(connection, key, json, expected, ct) is { } next)
            {
                return next;
            }

            throw await ConflictAsync(connection, key, grainId, given, ct);
        }, cancellationToken);
        grainState.ETag = StorageETags.Format(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId, grainState);
        var given = grainState.ETag;
        await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            if (given is null)
            {
                // Only "no row" matches a null ETag: clearing nothing is a no-op.
                if (await GrainStateRows.VersionAsync(connection, key, ct) is null) { return true; }
            }
            else if (StorageETags.TryParse(given, out var expected) && await GrainStateRows.TryDeleteAsync(connection, key, expected, ct))
            {
                return true;
            }

            throw await ConflictAsync(connection, key, grainId, given, ct);
        }, cancellationToken);
        Reset(grainState);
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T? Deserialize<T>(string stateName, GrainId grainId, string json)
    {
        try
        {
            return _serializer.DeserializeFromString<T>(json);
        }
        catch (JsonException e)
        {
            throw new JsonException($"Grain storage '{_name}': state '{stateName}' of {grainId} cannot be read as {typeof(T)}: {e.Message}", e);
        }
    }

    private static async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, GrainStateKey key, GrainId grainId, string? given, CancellationToken cancellationToken)
    {
        var stored = await GrainStateRows.VersionAsync(connection, key, cancellationToken);
        return StorageETags.Conflict(key.StateName, grainId, stored is { } version ? StorageETags.Format(version) : null, given);
    }

    private static GrainStateKey Key<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        return GrainStateKey.Of(grainId, stateName);
    }
}
