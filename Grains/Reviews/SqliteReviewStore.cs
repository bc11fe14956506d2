using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The reviews in a SQLite file (the embedded default; may be the silo's database).</summary>
public sealed class SqliteReviewStore : IReviewStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS reviews (
            review_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            domain_id TEXT NOT NULL,
            status TEXT NOT NULL,
            prompt TEXT NULL,
            approvers TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            step_id TEXT NULL,
            context TEXT NULL,
            requested_by TEXT NULL,
            created_at TEXT NOT NULL,
            deadline_at TEXT NULL,
            decided_at TEXT NULL,
            decided_by TEXT NULL,
            comment TEXT NULL,
            correction TEXT NULL,
            result_id TEXT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reviews_status ON reviews (status, domain_id, created_at, review_id);
        CREATE INDEX IF NOT EXISTS reviews_domain ON reviews (domain_id, created_at, review_id);
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchemaOnce _schema;

    /// <summary>Creates the store over the file of <paramref name="options"/>; its table is created on first use.</summary>
    public SqliteReviewStore(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(options);
        _schema = new SqliteSchemaOnce(_database, Schema);
    }

    /// <inheritdoc />
    public async Task OpenAsync(ReviewInfo review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        await _schema.EnsureAsync(cancellationToken);
        await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"INSERT INTO reviews ({ReviewRows.Columns}) VALUES (@id, @kind, @domain, @status, @prompt, @approvers, @subject, @step, "
                + "@context, @requested_by, @created, @deadline, NULL, NULL, NULL, NULL, NULL) ON CONFLICT (review_id) DO NOTHING",
                ("@id", review.ReviewId), ("@kind", review.Kind), ("@domain", review.DomainId), ("@status", review.Status),
                ("@prompt", review.Prompt), ("@approvers", ReviewRows.Json(review.Approvers)), ("@subject", review.SubjectId),
                ("@step", review.StepId), ("@context", ReviewRows.Json(review.Context)), ("@requested_by", review.RequestedBy),
                ("@created", SqliteCommands.FormatTime(review.CreatedAt)),
                ("@deadline", review.DeadlineAt is { } deadline ? SqliteCommands.FormatTime(deadline) : null));
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReviewInfo?> GetAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command($"SELECT {ReviewRows.Columns} FROM reviews WHERE review_id = @id", ("@id", reviewId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return (await ReviewRows.ReadAllAsync(reader, Time, ct)).FirstOrDefault();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReviewInfo>> ListAsync(IReadOnlyList<string>? domains, string? status, int limit, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"SELECT {ReviewRows.Columns} FROM reviews WHERE (@status IS NULL OR status = @status) "
                + "AND (@domains IS NULL OR domain_id IN (SELECT value FROM json_each(@domains))) "
                + "ORDER BY created_at, review_id LIMIT @limit",
                ("@status", status), ("@domains", domains is null ? null : ReviewRows.Json(domains)), ("@limit", limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReviewRows.ReadAllAsync(reader, Time, ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DecideAsync(ReviewInfo decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        await _schema.EnsureAsync(cancellationToken);
        return await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                "UPDATE reviews SET status = @status, decided_at = @at, decided_by = @by, comment = @comment, correction = @correction, "
                + "result_id = @result WHERE review_id = @id AND status = 'pending'",
                ("@id", decided.ReviewId), ("@status", decided.Status),
                ("@at", SqliteCommands.FormatTime(decided.DecidedAt ?? throw new ArgumentException("decided_at is required.", nameof(decided)))),
                ("@by", decided.DecidedBy), ("@comment", decided.Comment), ("@correction", ReviewRows.Json(decided.Correction)),
                ("@result", decided.ResultId));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)>> OutcomesAsync(string? domainId, string kind,
        CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(ReviewRows.Outcomes, ("@kind", kind), ("@domain", domainId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReviewRows.ReadOutcomesAsync(reader, Time, ct);
        }, cancellationToken);
    }

    private static DateTimeOffset Time(System.Data.Common.DbDataReader reader, int i) => SqliteCommands.ParseTime(reader.GetString(i));
}
