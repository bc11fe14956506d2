using Npgsql;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using static Rayswarm.Runtime.Postgres.PostgresCommands;

namespace Rayswarm.Runtime.Postgres;

/// <summary>
/// Reminders in the <c>reminders</c> table, indexed by grain hash (a bigint holding the uint) for range reads.
/// The ETag is the row's version (1 on insert, +1 per upsert); recording a tick leaves it unchanged.
/// </summary>
public sealed class PostgresReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private const string Columns = "grain_type, grain_key, name, start_at, period_ms, last_tick_at, etag";
    private const string RowFilter = "grain_type = @type AND grain_key = @key AND name = @name";

    private readonly PostgresDatabase _database;

    /// <summary>Creates the table with its own connection pool; the schema is created by <see cref="InitializeAsync"/> or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options have no usable connection string.</exception>
    public PostgresReminderTable(PostgresStorageOptions options) => _database = new PostgresDatabase(options);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken)
    {
        // Inclusive; begin > end wraps past uint.MaxValue (MemoryReminderTable.InRange).
        var filter = begin <= end ? "grain_hash BETWEEN @begin AND @end" : "(grain_hash >= @begin OR grain_hash <= @end)";
        return QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE {filter} ORDER BY grain_hash, grain_type, grain_key, name",
            [BigInt("begin", begin), BigInt("end", end)],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key ORDER BY name",
            [Text("type", Type(grainId)), Text("key", grainId.Key)],
            cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE {RowFilter}", Row(grainId, name), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Name);
        await using var connection = await _database.OpenAsync(cancellationToken);
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
                BigInt("hash", entry.GrainHash),
                Time("start", entry.StartAt),
                BigInt("period", entry.Period.Ticks / TimeSpan.TicksPerMillisecond),
                Time("last", entry.LastTickAt),
            ]);
        return StorageETags.Format((long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    /// <inheritdoc />
    public async Task<bool> RecordTickAsync(GrainId grainId, string name, DateTimeOffset tickAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE reminders SET last_tick_at = @tick WHERE {RowFilter}", [.. Row(grainId, name), Time("tick", tickAt)]);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(GrainId grainId, string name, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        long version = 0;
        if (etag is not null && !StorageETags.TryParse(etag, out version)) { return false; }
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = etag is null
            ? connection.Command($"DELETE FROM reminders WHERE {RowFilter}", Row(grainId, name))
            : connection.Command($"DELETE FROM reminders WHERE {RowFilter} AND etag = @etag", [.. Row(grainId, name), BigInt("etag", version)]);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken)) { rows.Add(ReadRow(reader)); }
        return rows;
    }

    private static ReminderEntry ReadRow(NpgsqlDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        StorageETags.Format(reader.GetInt64(6)));

    private static NpgsqlParameter[] Row(GrainId grainId, string name) => [Text("type", Type(grainId)), Text("key", grainId.Key), Text("name", name)];

    private static string Type(GrainId grainId) =>
        grainId.IsDefault ? throw new ArgumentException("The default grain id names no grain.", nameof(grainId)) : grainId.Type;
}
