using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The workflow index in a SQLite file (the embedded default; may be the silo's database), sharing the runtime's handling
/// of the file: WAL, pooled readers, one writer at a time per file in this process. Upserts are group-committed.
/// </summary>
public sealed class SqliteWorkflowIndexStore : IWorkflowIndexStore
{
    /// <summary>Times as sortable UTC text (<see cref="SqliteCommands.FormatTime"/>).</summary>
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS workflow_index (
            workflow_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT NULL,
            finished_at TEXT NULL,
            steps INTEGER NOT NULL,
            steps_completed INTEGER NOT NULL,
            compensations INTEGER NOT NULL,
            error TEXT NULL,
            version INTEGER NOT NULL,
            duration_ms REAL NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS workflow_index_created ON workflow_index (created_at DESC, workflow_id);
        CREATE INDEX IF NOT EXISTS workflow_index_status ON workflow_index (status, created_at DESC, workflow_id);
        """;

    private readonly SqliteDatabase _database;
    private readonly WorkflowIndexBatch _batch;
    private readonly SqliteSchemaOnce _schema;

    /// <summary>Creates the store over the file of <paramref name="options"/>; its table is created on first use.</summary>
    public SqliteWorkflowIndexStore(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(options);
        _schema = new SqliteSchemaOnce(_database, Schema);
        _batch = new WorkflowIndexBatch(CommitAsync);
    }

    /// <inheritdoc />
    public Task UpsertAsync(WorkflowSummary summary, CancellationToken cancellationToken = default) => _batch.UpsertAsync(summary);

    /// <inheritdoc />
    public async Task<WorkflowSummary?> GetAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(WorkflowIndexQueries.Get, ("@id", workflowId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await WorkflowIndexQueries.ReadRowAsync(reader, static (r, i) => SqliteCommands.ParseTime(r.GetString(i)), ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowPage> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(WorkflowIndexQueries.List("COLLATE BINARY"),
                ("@status", status), ("@limit", limit), ("@offset", offset));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await WorkflowIndexQueries.ReadPageAsync(reader, static (r, i) => SqliteCommands.ParseTime(r.GetString(i)), limit, offset, ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(WorkflowIndexQueries.Stats);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await WorkflowIndexQueries.ReadStatsAsync(reader, ct);
        }, cancellationToken);
    }

    /// <summary>Writes one batch atomically, sharing the file's group commit, the statement prepared once and run per row.</summary>
    private async Task CommitAsync(IReadOnlyCollection<WorkflowSummary> rows)
    {
        await _schema.EnsureAsync(CancellationToken.None);
        await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var upsert = connection.Command(WorkflowIndexQueries.Upsert,
                ("@id", ""), ("@name", ""), ("@status", ""), ("@created", ""), ("@started", null), ("@finished", null), ("@steps", 0),
                ("@steps_completed", 0), ("@compensations", 0), ("@error", null), ("@version", 0), ("@duration", null));
            foreach (var row in rows)
            {
                var p = upsert.Parameters;
                p["@id"].Value = row.WorkflowId;
                p["@name"].Value = row.Name;
                p["@status"].Value = row.Status;
                p["@created"].Value = SqliteCommands.FormatTime(row.CreatedAt);
                p["@started"].Value = row.StartedAt is { } started ? SqliteCommands.FormatTime(started) : DBNull.Value;
                p["@finished"].Value = row.FinishedAt is { } finished ? SqliteCommands.FormatTime(finished) : DBNull.Value;
                p["@steps"].Value = row.Steps;
                p["@steps_completed"].Value = row.StepsCompleted;
                p["@compensations"].Value = row.Compensations;
                p["@error"].Value = (object?)row.Error ?? DBNull.Value;
                p["@version"].Value = row.Version;
                p["@duration"].Value = (object?)WorkflowIndexQueries.DurationMs(row) ?? DBNull.Value;
                await upsert.ExecuteNonQueryAsync(ct);
            }
            return true;
        }, CancellationToken.None);
    }
}
