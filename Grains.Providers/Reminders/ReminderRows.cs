using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers;

/// <summary>The statements on the <c>reminders</c> table and the mapping of its rows to <see cref="ReminderEntry"/>.</summary>
internal static class ReminderRows
{
    public const string RowFilter = "grain_type = @type AND grain_key = @key AND name = @name";

    private const string Columns = "grain_type, grain_key, name, start_at, period_ms, etag";

    /// <summary>The rows whose grain hash is in (begin, end], wrapping past <see cref="uint.MaxValue"/> when begin &gt;= end.</summary>
    public static (string Sql, (string, object?)[] Parameters) InRange(uint begin, uint end)
    {
        var filter = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "(grain_hash > @begin OR grain_hash <= @end)";
        return ($"SELECT {Columns} FROM reminders WHERE {filter}", [("@begin", (long)begin), ("@end", (long)end)]);
    }

    public static (string Sql, (string, object?)[] Parameters) OfGrain(GrainId grainId) =>
        ($"SELECT {Columns} FROM reminders WHERE grain_type = @type AND grain_key = @key", [("@type", GrainKeys.Type(grainId)), ("@key", GrainKeys.Key(grainId))]);

    public static (string Sql, (string, object?)[] Parameters) One(GrainId grainId, string name) =>
        ($"SELECT {Columns} FROM reminders WHERE {RowFilter}", Key(grainId, name));

    public static async Task<List<ReminderEntry>> QueryAsync(
        SqliteConnection connection, (string Sql, (string, object?)[] Parameters) query, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(query.Sql, query.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken)) { rows.Add(Read(reader)); }
        return rows;
    }

    /// <summary>Inserts or replaces the row; its new version. A new row starts at a random version (see <see cref="StorageETags"/>).</summary>
    public static async Task<long> UpsertAsync(SqliteConnection connection, ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            """
            INSERT INTO reminders (grain_type, grain_key, name, grain_hash, start_at, period_ms, last_tick_at, etag)
            VALUES (@type, @key, @name, @hash, @start, @period, NULL, @first)
            ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET
                grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms,
                etag = reminders.etag + 1
            RETURNING etag
            """,
            [
                .. Key(entry.GrainId, entry.ReminderName),
                ("@hash", (long)entry.GrainId.GetUniformHashCode()),
                ("@start", SqliteCommands.FormatTime(AsUtc(entry.StartAt))),
                ("@period", entry.Period.Ticks / TimeSpan.TicksPerMillisecond),
                ("@first", StorageETags.FirstVersion()),
            ]);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static (string, object?)[] Key(GrainId grainId, string name) =>
        [("@type", GrainKeys.Type(grainId)), ("@key", GrainKeys.Key(grainId)), ("@name", name)];

    private static ReminderEntry Read(SqliteDataReader reader) => new()
    {
        GrainId = GrainKeys.Parse(reader.GetString(0), reader.GetString(1)),
        ReminderName = reader.GetString(2),
        StartAt = SqliteCommands.ParseTime(reader.GetString(3)).UtcDateTime,
        Period = TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        ETag = StorageETags.Format(reader.GetInt64(5)),
    };

    /// <summary>Orleans' times are UTC; an unspecified kind is taken as UTC, a local one converted.</summary>
    private static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
