using Microsoft.Data.Sqlite;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>
/// Grain state in the <c>grain_state</c> table of a SQLite file. The ETag is the row's version (random on insert, +1 per
/// write); writes and clears are conditional on it, so two silos sharing the file cannot overwrite each other.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private const string KeyFilter = "grain_type = @type AND grain_key = @key AND state_name = @state";

    private readonly SqliteDatabase _database;

    /// <summary>Creates the provider; the schema is created on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name no database.</exception>
    public SqliteGrainStorage(SqliteStorageOptions options) => _database = new SqliteDatabase(options);

    /// <summary>Writes queued for or inside a group commit of this file, not yet finished (tests wait on it).</summary>
    internal int UnfinishedWrites => _database.UnfinishedGroupedWrites;

    /// <summary>Creates the tables now instead of on first use (idempotent).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"SELECT data, etag FROM grain_state WHERE {KeyFilter}", Key(grainId, stateName));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new StoredGrainState(reader.GetString(0), StorageETags.Format(reader.GetInt64(1)))
                : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(json);
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            var now = SqliteCommands.FormatTime(DateTimeOffset.UtcNow);
            if (etag is null)
            {
                var first = StorageETags.FirstVersion();
                await using var insert = connection.Command(
                    """
                    INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data, updated_at)
                    VALUES (@type, @key, @state, @first, @data, @now)
                    ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
                    """,
                    [.. Key(grainId, stateName), ("@data", json), ("@now", now), ("@first", first)]);
                if (await insert.ExecuteNonQueryAsync(ct) == 1) { return StorageETags.Format(first); }
            }
            else if (StorageETags.TryParse(etag, out var version))
            {
                await using var update = connection.Command(
                    $"UPDATE grain_state SET data = @data, etag = etag + 1, updated_at = @now WHERE {KeyFilter} AND etag = @etag RETURNING etag",
                    [.. Key(grainId, stateName), ("@data", json), ("@now", now), ("@etag", version)]);
                if (await update.ExecuteScalarAsync(ct) is long next) { return StorageETags.Format(next); }
            }

            throw await ConflictAsync(connection, grainId, stateName, etag, ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            if (etag is null)
            {
                // Only "no record" matches a null ETag: clearing nothing is a no-op.
                if (await StoredETagAsync(connection, grainId, stateName, ct) is null) { return true; }
            }
            else if (StorageETags.TryParse(etag, out var version))
            {
                await using var delete = connection.Command(
                    $"DELETE FROM grain_state WHERE {KeyFilter} AND etag = @etag", [.. Key(grainId, stateName), ("@etag", version)]);
                if (await delete.ExecuteNonQueryAsync(ct) == 1) { return true; }
            }

            throw await ConflictAsync(connection, grainId, stateName, etag, ct);
        }, cancellationToken);
    }

    private static async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, GrainId grainId, string stateName, string? given, CancellationToken cancellationToken) =>
        StorageETags.Conflict(grainId, stateName, await StoredETagAsync(connection, grainId, stateName, cancellationToken), given);

    private static async Task<string?> StoredETagAsync(SqliteConnection connection, GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT etag FROM grain_state WHERE {KeyFilter}", Key(grainId, stateName));
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? StorageETags.Format(version) : null;
    }

    private static (string, object?)[] Key(GrainId grainId, string stateName)
    {
        if (grainId.IsDefault) { throw new ArgumentException("The default grain id names no grain.", nameof(grainId)); }
        return [("@type", grainId.Type), ("@key", grainId.Key), ("@state", stateName)];
    }
}
