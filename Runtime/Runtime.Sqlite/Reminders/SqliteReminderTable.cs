using Microsoft.Data.Sqlite;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>
/// Reminders in the <c>reminders</c> table of a SQLite file, indexed by grain hash for range reads. The ETag is the
/// row's version (1 on insert, +1 per upsert); recording a tick leaves it unchanged.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ms, last_tick_at, etag";
    private const string RowFilter = "grain_type = @type AND grain_key = @key AND name = @name";

    private readonly SqliteDatabase _database;

    /// <summary>Creates the table; the schema is created by <see cref="InitializeAsync"/> or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name no database.</exception>
    public SqliteReminderTable(SqliteStorageOptions options) => _database = new SqliteDatabase(options);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken)
    {
        // Inclusive; begin > end wraps past uint.MaxValue (MemoryReminderTable.InRange).
        var filter = begin <= end ? "grain_hash BETWEEN @begin AND @end" : "(grain_hash >= @begin OR grain_hash <= @end)";
        return QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE {filter} ORDER BY grain_hash, grain_type, grain_key, name",
            [("@begin", (long)begin), ("@end", (long)end)],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key ORDER BY name",
            [("@type", Type(grainId)), ("@key", grainId.Key)],
            cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE {RowFilter}", Row(grainId, name), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Name);
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                """
                INSERT INTO reminders (grain_type, grain_key, name, grain_hash, start_at, period_ms, last_tick_at, etag)
                VALUES (@type, @key, @name, @hash, @start, @period, @last, 1)
                ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms,
                    last_tick_at = excluded.last_tick_at, etag = reminders.etag + 1
                RETURNING etag
                """,
                [
                    .. Row(entry.GrainId, entry.Name),
                    ("@hash", (long)entry.GrainHash),
                    ("@start", SqliteCommands.FormatTime(entry.StartAt)),
                    ("@period", (long)(entry.Period.Ticks / TimeSpan.TicksPerMillisecond)),
                    ("@last", entry.LastTickAt is { } last ? SqliteCommands.FormatTime(last) : null),
                ]);
            return StorageETags.Format((long)(await command.ExecuteScalarAsync(ct))!);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordTickAsync(GrainId grainId, string name, DateTimeOffset tickAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"UPDATE reminders SET last_tick_at = @tick WHERE {RowFilter}",
                [.. Row(grainId, name), ("@tick", SqliteCommands.FormatTime(tickAt))]);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RemoveAsync(GrainId grainId, string name, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        long version = 0;
        if (etag is not null && !StorageETags.TryParse(etag, out version)) { return Task.FromResult(false); }
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = etag is null
                ? connection.Command($"DELETE FROM reminders WHERE {RowFilter}", Row(grainId, name))
                : connection.Command($"DELETE FROM reminders WHERE {RowFilter} AND etag = @etag", [.. Row(grainId, name), ("@etag", version)]);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    private Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<ReminderEntry>>(async (connection, ct) =>
        {
            await using var command = connection.Command(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<ReminderEntry>();
            while (await reader.ReadAsync(ct)) { rows.Add(ReadRow(reader)); }
            return rows;
        }, cancellationToken);

    private static ReminderEntry ReadRow(SqliteDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        SqliteCommands.ParseTime(reader.GetString(3)),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : SqliteCommands.ParseTime(reader.GetString(5)),
        StorageETags.Format(reader.GetInt64(6)));

    private static (string, object?)[] Row(GrainId grainId, string name) => [("@type", Type(grainId)), ("@key", grainId.Key), ("@name", name)];

    private static string Type(GrainId grainId) =>
        grainId.IsDefault ? throw new ArgumentException("The default grain id names no grain.", nameof(grainId)) : grainId.Type;
}
