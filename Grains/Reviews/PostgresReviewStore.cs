using Npgsql;
using NpgsqlTypes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The reviews in PostgreSQL (cluster mode), on the runtime's pooled data source.</summary>
public sealed class PostgresReviewStore : IReviewStore, IAsyncDisposable
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes creating the table between processes.</summary>
    private const long LockKey = 0x5261_7973_5265_7677; // "RaysRevw"

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS reviews (
            review_id text PRIMARY KEY,
            kind text NOT NULL,
            domain_id text NOT NULL,
            status text NOT NULL,
            prompt text NULL,
            approvers text NOT NULL,
            subject_id text NOT NULL,
            step_id text NULL,
            context text NULL,
            requested_by text NULL,
            created_at timestamptz NOT NULL,
            deadline_at timestamptz NULL,
            decided_at timestamptz NULL,
            decided_by text NULL,
            comment text NULL,
            correction text NULL,
            result_id text NULL
        );
        CREATE INDEX IF NOT EXISTS reviews_status ON reviews (status, domain_id, created_at, review_id COLLATE "C");
        CREATE INDEX IF NOT EXISTS reviews_domain ON reviews (domain_id, created_at, review_id COLLATE "C");
        """;

    private readonly PostgresDatabase _database;
    private readonly PostgresSchemaOnce _schema;

    /// <summary>Creates the store over the database of <paramref name="options"/>; its table is created on first use.</summary>
    public PostgresReviewStore(PostgresStorageOptions options)
    {
        _database = new PostgresDatabase(options);
        _schema = new PostgresSchemaOnce(_database, Schema, LockKey);
    }

    /// <inheritdoc />
    public async Task OpenAsync(ReviewInfo review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"INSERT INTO reviews ({ReviewRows.Columns}) VALUES (@id, @kind, @domain, @status, @prompt, @approvers, @subject, @step, "
            + "@context, @requested_by, @created, @deadline, NULL, NULL, NULL, NULL, NULL) ON CONFLICT (review_id) DO NOTHING",
            PostgresCommands.Text("id", review.ReviewId), PostgresCommands.Text("kind", review.Kind),
            PostgresCommands.Text("domain", review.DomainId), PostgresCommands.Text("status", review.Status), Text("prompt", review.Prompt),
            PostgresCommands.Text("approvers", ReviewRows.Json(review.Approvers)), PostgresCommands.Text("subject", review.SubjectId),
            Text("step", review.StepId), Text("context", ReviewRows.Json(review.Context)), Text("requested_by", review.RequestedBy),
            PostgresCommands.Time("created", review.CreatedAt), PostgresCommands.Time("deadline", review.DeadlineAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReviewInfo?> GetAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {ReviewRows.Columns} FROM reviews WHERE review_id = @id",
            PostgresCommands.Text("id", reviewId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return (await ReviewRows.ReadAllAsync(reader, Time, cancellationToken)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewInfo>> ListAsync(IReadOnlyList<string>? domains, string? status, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {ReviewRows.Columns} FROM reviews WHERE (@status::text IS NULL OR status = @status) "
            + "AND (@domains::text[] IS NULL OR domain_id = ANY(@domains)) ORDER BY created_at, review_id COLLATE \"C\" LIMIT @limit",
            Text("status", status),
            new NpgsqlParameter("domains", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)domains?.ToArray() ?? DBNull.Value },
            new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReviewRows.ReadAllAsync(reader, Time, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DecideAsync(ReviewInfo decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE reviews SET status = @status, decided_at = @at, decided_by = @by, comment = @comment, correction = @correction, "
            + "result_id = @result WHERE review_id = @id AND status = 'pending'",
            PostgresCommands.Text("id", decided.ReviewId), PostgresCommands.Text("status", decided.Status),
            PostgresCommands.Time("at", decided.DecidedAt ?? throw new ArgumentException("decided_at is required.", nameof(decided))),
            Text("by", decided.DecidedBy), Text("comment", decided.Comment), Text("correction", ReviewRows.Json(decided.Correction)),
            Text("result", decided.ResultId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)>> OutcomesAsync(string? domainId, string kind,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(ReviewRows.Outcomes,
            PostgresCommands.Text("kind", kind), Text("domain", domainId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReviewRows.ReadOutcomesAsync(reader, Time, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static DateTimeOffset Time(System.Data.Common.DbDataReader reader, int i) => reader.GetFieldValue<DateTimeOffset>(i);
}
