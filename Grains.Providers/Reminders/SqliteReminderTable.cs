namespace Rayswarm.Grains.Providers;

/// <summary>
/// Orleans' reminders in the <c>reminders</c> table of a SQLite file, indexed by the grain's uniform hash for the
/// reminder service's range reads. The ETag is the row's version: random on insert, +1 per upsert, so an ETag from before
/// a removal never matches the row registered after it. Upserts and removals go through the file's group commit.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the table; the schema is created by <see cref="StartAsync"/> or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name no usable database.</exception>
    public SqliteReminderTable(SqliteStorageOptions options) => _database = new SqliteDatabase(options);

    /// <summary>Reminder writes queued for or inside a group commit of this file, not yet finished (tests wait on it).</summary>
    internal int UnfinishedWrites => _database.UnfinishedGroupedWrites;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => _database.EnsureSchemaAsync(force: true, cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(ReminderRows.OfGrain(grainId), cancellationToken);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(ReminderRows.InRange(begin, end), cancellationToken);

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var query = ReminderRows.One(grainId, reminderName);
        var rows = await _database.ReadAsync((connection, ct) => ReminderRows.QueryAsync(connection, query, ct), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        _ = GrainKeys.Type(entry.GrainId); // a default grain id fails here, not inside the group commit
        var version = await _database.WriteGroupedAsync((connection, ct) => ReminderRows.UpsertAsync(connection, entry, ct), cancellationToken);
        return StorageETags.Format(version);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    /// <remarks>False if the row is missing or at another version (an ETag not of this table included); a null ETag removes the row whatever its version.</remarks>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        var key = ReminderRows.Key(grainId, reminderName);
        long version = 0;
        if (eTag is not null && !StorageETags.TryParse(eTag, out version)) { return Task.FromResult(false); }
        return _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = eTag is null
                ? connection.Command($"DELETE FROM reminders WHERE {ReminderRows.RowFilter}", key)
                : connection.Command($"DELETE FROM reminders WHERE {ReminderRows.RowFilter} AND etag = @etag", [.. key, ("@etag", version)]);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, ct) =>
        {
            await connection.RunAsync("DELETE FROM reminders;", ct);
            return true;
        }, cancellationToken);

    private async Task<ReminderTableData> QueryAsync((string Sql, (string, object?)[] Parameters) query, CancellationToken cancellationToken) =>
        new(await _database.ReadAsync((connection, ct) => ReminderRows.QueryAsync(connection, query, ct), cancellationToken));
}
