using Npgsql;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using static Rayswarm.Runtime.Postgres.PostgresCommands;

namespace Rayswarm.Runtime.Postgres;

/// <summary>
/// Grain state as jsonb in the <c>grain_state</c> table. The ETag is the row's version (random on insert, +1 per write);
/// writes and clears are single conditional statements, so concurrent writers with one ETag cannot both succeed.
/// </summary>
/// <remarks>jsonb normalizes documents: a read returns equal JSON, not necessarily the same text (key order, spacing).</remarks>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private const string KeyFilter = "grain_type = @type AND grain_key = @key AND state_name = @state";

    private readonly PostgresDatabase _database;

    /// <summary>Creates the provider with its own connection pool; the schema is created on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options have no usable connection string.</exception>
    public PostgresGrainStorage(PostgresStorageOptions options) => _database = new PostgresDatabase(options);

    /// <summary>Creates the tables now instead of on first use (idempotent, safe when several processes start at once).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredGrainState?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT data::text, etag FROM grain_state WHERE {KeyFilter}", Key(grainId, stateName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredGrainState(reader.GetString(0), StorageETags.Format(reader.GetInt64(1)))
            : null;
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(json);
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (etag is null)
        {
            var first = StorageETags.FirstVersion();
            await using var insert = connection.Command(
                """
                INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data, updated_at)
                VALUES (@type, @key, @state, @first, @data, now())
                ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
                """,
                [.. Key(grainId, stateName), Jsonb("data", json), BigInt("first", first)]);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1) { return StorageETags.Format(first); }
        }
        else if (StorageETags.TryParse(etag, out var version))
        {
            await using var update = connection.Command(
                $"UPDATE grain_state SET data = @data, etag = etag + 1, updated_at = now() WHERE {KeyFilter} AND etag = @etag RETURNING etag",
                [.. Key(grainId, stateName), Jsonb("data", json), BigInt("etag", version)]);
            if (await update.ExecuteScalarAsync(cancellationToken) is long next) { return StorageETags.Format(next); }
        }

        throw await ConflictAsync(connection, grainId, stateName, etag, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ClearAsync(GrainId grainId, string stateName, string? etag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        await using var connection = await _database.OpenAsync(cancellationToken);
        if (etag is null)
        {
            // Only "no record" matches a null ETag: clearing nothing is a no-op.
            if (await StoredETagAsync(connection, grainId, stateName, cancellationToken) is null) { return; }
        }
        else if (StorageETags.TryParse(etag, out var version))
        {
            await using var delete = connection.Command(
                $"DELETE FROM grain_state WHERE {KeyFilter} AND etag = @etag", [.. Key(grainId, stateName), BigInt("etag", version)]);
            if (await delete.ExecuteNonQueryAsync(cancellationToken) == 1) { return; }
        }

        throw await ConflictAsync(connection, grainId, stateName, etag, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    // The stored ETag is read after the failed statement, so under a race it may already be newer; it only words the message.
    private static async Task<InconsistentStateException> ConflictAsync(
        NpgsqlConnection connection, GrainId grainId, string stateName, string? given, CancellationToken cancellationToken) =>
        StorageETags.Conflict(grainId, stateName, await StoredETagAsync(connection, grainId, stateName, cancellationToken), given);

    private static async Task<string?> StoredETagAsync(NpgsqlConnection connection, GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT etag FROM grain_state WHERE {KeyFilter}", Key(grainId, stateName));
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? StorageETags.Format(version) : null;
    }

    private static NpgsqlParameter[] Key(GrainId grainId, string stateName)
    {
        if (grainId.IsDefault) { throw new ArgumentException("The default grain id names no grain.", nameof(grainId)); }
        return [Text("type", grainId.Type), Text("key", grainId.Key), Text("state", stateName)];
    }
}
