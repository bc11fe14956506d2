using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers;

/// <summary>The statements on the <c>grain_state</c> table; the row's <c>etag</c> column is its version.</summary>
internal static class GrainStateRows
{
    private const string KeyFilter = "grain_type = @type AND grain_key = @key AND state_name = @state";

    public static async Task<(string Json, long Version)?> ReadAsync(SqliteConnection connection, GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT data, etag FROM grain_state WHERE {KeyFilter}", key.Parameters());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Inserts the row at <paramref name="version"/> unless one exists; true if it did.</summary>
    public static async Task<bool> TryInsertAsync(SqliteConnection connection, GrainStateKey key, string json, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data, updated_at)
            VALUES (@type, @key, @state, @version, @data, @now)
            ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
            """,
            [.. key.Parameters(), ("@version", version), ("@data", json), ("@now", Now())]);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Replaces the document if the row is at <paramref name="version"/>; the row's next version, or null.</summary>
    public static async Task<long?> TryUpdateAsync(SqliteConnection connection, GrainStateKey key, string json, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"UPDATE grain_state SET data = @data, etag = etag + 1, updated_at = @now WHERE {KeyFilter} AND etag = @version RETURNING etag",
            [.. key.Parameters(), ("@version", version), ("@data", json), ("@now", Now())]);
        return await command.ExecuteScalarAsync(cancellationToken) is long next ? next : null;
    }

    /// <summary>Deletes the row if it is at <paramref name="version"/>; true if it was.</summary>
    public static async Task<bool> TryDeleteAsync(SqliteConnection connection, GrainStateKey key, long version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"DELETE FROM grain_state WHERE {KeyFilter} AND etag = @version", [.. key.Parameters(), ("@version", version)]);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task<long?> VersionAsync(SqliteConnection connection, GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT etag FROM grain_state WHERE {KeyFilter}", key.Parameters());
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    private static string Now() => SqliteCommands.FormatTime(DateTimeOffset.UtcNow);
}
