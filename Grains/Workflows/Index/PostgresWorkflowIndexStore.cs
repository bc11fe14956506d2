using Npgsql;
using NpgsqlTypes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The workflow index in PostgreSQL (cluster mode), on the runtime's pooled data source. Upserts are group-committed: a
/// batch is one round trip (one multi-statement batch in one transaction). Each silo batches its own workflows; rows of
/// different silos never conflict except through the version check, which keeps the newest.
/// </summary>
public sealed class PostgresWorkflowIndexStore : IWorkflowIndexStore, IAsyncDisposable
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes creating the table between processes.</summary>
    private const long LockKey = 0x5261_7973_5746_4978; // "RaysWFIx"

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS workflow_index (
            workflow_id text PRIMARY KEY,
            name text NOT NULL,
            status text NOT NULL,
            created_at timestamptz NOT NULL,
            started_at timestamptz NULL,
            finished_at timestamptz NULL,
            steps integer NOT NULL,
            steps_completed integer NOT NULL,
            compensations integer NOT NULL,
            error text NULL,
            version integer NOT NULL,
            duration_ms double precision NULL
        );
        CREATE INDEX IF NOT EXISTS workflow_index_created ON workflow_index (created_at DESC, workflow_id COLLATE "C");
        CREATE INDEX IF NOT EXISTS workflow_index_status ON workflow_index (status, created_at DESC, workflow_id COLLATE "C");
        """;

    private readonly PostgresDatabase _database;
    private readonly PostgresSchemaOnce _schema;
    private readonly WorkflowIndexBatch _batch;

    /// <summary>Creates the store over the database of <paramref name="options"/>; its table is created on first use.</summary>
    public PostgresWorkflowIndexStore(PostgresStorageOptions options)
    {
        _database = new PostgresDatabase(options);
        _schema = new PostgresSchemaOnce(_database, Schema, LockKey);
        _batch = new WorkflowIndexBatch(CommitAsync);
    }

    /// <inheritdoc />
    public Task UpsertAsync(WorkflowSummary summary, CancellationToken cancellationToken = default) => _batch.UpsertAsync(summary);

    /// <inheritdoc />
    public async Task<WorkflowSummary?> GetAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(WorkflowIndexQueries.Get, PostgresCommands.Text("id", workflowId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await WorkflowIndexQueries.ReadRowAsync(reader, static (r, i) => r.GetFieldValue<DateTimeOffset>(i), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowPage> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(WorkflowIndexQueries.List("COLLATE \"C\""),
            new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = (object?)status ?? DBNull.Value },
            Integer("limit", limit), Integer("offset", offset));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await WorkflowIndexQueries.ReadPageAsync(reader, static (r, i) => r.GetFieldValue<DateTimeOffset>(i), limit, offset, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(WorkflowIndexQueries.Stats);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await WorkflowIndexQueries.ReadStatsAsync(reader, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Writes one batch: one upsert per row, sent together, in one transaction.</summary>
    private async Task CommitAsync(IReadOnlyCollection<WorkflowSummary> rows)
    {
        await using var connection = await _schema.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        // A stable order: two silos' batches then lock common rows in the same order and cannot deadlock.
        foreach (var row in rows.OrderBy(r => r.WorkflowId, StringComparer.Ordinal))
        {
            var command = new NpgsqlBatchCommand(WorkflowIndexQueries.Upsert);
            command.Parameters.AddRange(new[]
            {
                PostgresCommands.Text("id", row.WorkflowId), PostgresCommands.Text("name", row.Name), PostgresCommands.Text("status", row.Status),
                PostgresCommands.Time("created", row.CreatedAt), PostgresCommands.Time("started", row.StartedAt),
                PostgresCommands.Time("finished", row.FinishedAt), Integer("steps", row.Steps),
                Integer("steps_completed", row.StepsCompleted), Integer("compensations", row.Compensations),
                new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)row.Error ?? DBNull.Value },
                Integer("version", row.Version),
                new NpgsqlParameter("duration", NpgsqlDbType.Double) { Value = (object?)WorkflowIndexQueries.DurationMs(row) ?? DBNull.Value },
            });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlParameter Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };
}
