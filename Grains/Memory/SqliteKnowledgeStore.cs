using System.Data.Common;
using Microsoft.Data.Sqlite;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The knowledge store in a SQLite file (the embedded default), sharing the runtime's handling of the file: WAL, pooled
/// readers, one writer at a time per file in this process. Search is FTS5 with the porter stemmer; relevance is its bm25.
/// </summary>
public sealed class SqliteKnowledgeStore : IKnowledgeStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteSchemaOnce _schema;

    /// <summary>Creates the store over the file of <paramref name="options"/>; its tables are created on first use.</summary>
    public SqliteKnowledgeStore(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(options);
        _schema = new SqliteSchemaOnce(_database, SqliteKnowledgeSchema.Script, SqliteKnowledgeSchema.AddedColumns);
    }

    /// <inheritdoc />
    public async Task AddAsync(Contribution contribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        await WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = connection.Command(
                $"""
                INSERT INTO memory_contributions (contribution_id, domain_id, contribution_type, content, confidence, verifications,
                    rejections, verified_by, rejected_by, applications, successes, failures, created_at, updated_at, contributed_by,
                    review_status, supersedes, superseded_by, expert_accepts)
                VALUES (@id, @domain, @type, @content, @confidence, @verifications, @rejections, @verified_by, @rejected_by,
                    @applications, @successes, @failures, @created, @updated, @contributed_by, @review_status, @supersedes,
                    @superseded_by, @expert_accepts)
                RETURNING seq
                """,
                [.. Values(contribution), ("@domain", contribution.DomainId), ("@type", contribution.ContributionType),
                    ("@contributed_by", contribution.ContributedBy), ("@supersedes", contribution.Supersedes),
                    ("@content", KnowledgeRows.Json(contribution.Content)), ("@created", SqliteCommands.FormatTime(contribution.CreatedAt))]);
            insert.Transaction = transaction;
            var seq = (long)(await insert.ExecuteScalarAsync(ct))!;
            await using var index = connection.Command("INSERT INTO memory_search (rowid, body) VALUES (@seq, @body)",
                ("@seq", seq), ("@body", KnowledgeText.Of(contribution.ContributionType, contribution.Content)));
            index.Transaction = transaction;
            await index.ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Contribution?> GetAsync(string contributionId, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"SELECT {KnowledgeRows.Columns} FROM memory_contributions c WHERE c.contribution_id = @id", ("@id", contributionId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> AddVerificationAsync(Contribution updated, string verifierDomainId, bool valid, string? notes, string? principal = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = connection.Command(
                """
                INSERT INTO memory_verifications (contribution_id, domain_id, valid, notes, verified_at, principal)
                VALUES (@id, @domain, @valid, @notes, @at, @principal) ON CONFLICT DO NOTHING
                """,
                ("@id", updated.ContributionId), ("@domain", verifierDomainId), ("@valid", valid ? 1 : 0), ("@notes", notes), ("@principal", principal),
                ("@at", SqliteCommands.FormatTime(updated.UpdatedAt)));
            insert.Transaction = transaction;
            if (await insert.ExecuteNonQueryAsync(ct) == 0) { return false; }
            await UpdateCountersAsync(connection, transaction, updated, ct);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAsync(Contribution updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await UpdateCountersAsync(connection, transaction, updated, ct);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddApplicationAsync(Contribution updated, string domainId, string outcome, string? notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = connection.Command(
                "INSERT INTO memory_applications (contribution_id, domain_id, outcome, notes, applied_at) VALUES (@id, @domain, @outcome, @notes, @at)",
                ("@id", updated.ContributionId), ("@domain", domainId), ("@outcome", outcome), ("@notes", notes),
                ("@at", SqliteCommands.FormatTime(updated.UpdatedAt)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(ct);
            await UpdateCountersAsync(connection, transaction, updated, ct);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string contributionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contributionId);
        return WriteAsync(async (connection, transaction, ct) =>
        {
            await using var delete = connection.Command("DELETE FROM memory_contributions WHERE contribution_id = @id RETURNING seq", ("@id", contributionId));
            delete.Transaction = transaction;
            if (await delete.ExecuteScalarAsync(ct) is not long seq) { return false; }
            await using var rest = connection.Command(
                """
                DELETE FROM memory_search WHERE rowid = @seq;
                DELETE FROM memory_verifications WHERE contribution_id = @id;
                DELETE FROM memory_applications WHERE contribution_id = @id;
                """,
                ("@seq", seq), ("@id", contributionId));
            rest.Transaction = transaction;
            await rest.ExecuteNonQueryAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryMatch>> QueryAsync(MemoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = KnowledgeText.Words(query.Query);
        const string Filters = "c.superseded_by IS NULL AND c.confidence >= @min AND (@type IS NULL OR c.contribution_type = @type) AND (@domain IS NULL OR c.domain_id = @domain)";
        // bm25() is negative, more negative for better matches: its negation is the rank r.
        var sql = words.Count == 0
            ? $"SELECT {KnowledgeRows.Columns}, 1.0 AS relevance FROM memory_contributions c WHERE {Filters} ORDER BY c.confidence DESC, c.seq DESC LIMIT @limit"
            : $"""
              WITH hits AS (SELECT rowid AS seq, -bm25(memory_search) AS r FROM memory_search WHERE memory_search MATCH @match),
              matched AS (SELECT c.*, h.r FROM hits h JOIN memory_contributions c ON c.seq = h.seq WHERE {Filters})
              SELECT {KnowledgeRows.Columns}, {KnowledgeQueries.Relevance} FROM matched c
              ORDER BY c.r * c.confidence DESC, c.seq DESC LIMIT @limit
              """;
        // Each word quoted (so no word is FTS5 syntax), all required.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\""));
        return ReadAsync<IReadOnlyList<MemoryMatch>>(async (connection, ct) =>
        {
            await using var command = connection.Command(sql, ("@match", match), ("@min", query.MinConfidence),
                ("@type", query.ContributionType), ("@domain", query.DomainId), ("@limit", query.Limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var matches = new List<MemoryMatch>();
            while (await reader.ReadAsync(ct))
            {
                var contribution = Read(reader);
                var relevance = reader.GetDouble(KnowledgeRows.Count);
                matches.Add(new MemoryMatch(contribution, relevance, relevance * contribution.Confidence));
            }
            return matches;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ContributionPage> GetByDomainAsync(string domainId, int offset, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var count = connection.Command("SELECT COUNT(*) FROM memory_contributions WHERE domain_id = @domain", ("@domain", domainId));
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct));
            await using var page = connection.Command(
                $"SELECT {KnowledgeRows.Columns} FROM memory_contributions c WHERE c.domain_id = @domain ORDER BY c.seq DESC LIMIT @limit OFFSET @offset",
                ("@domain", domainId), ("@limit", limit), ("@offset", offset));
            await using var reader = await page.ExecuteReaderAsync(ct);
            var contributions = new List<Contribution>();
            while (await reader.ReadAsync(ct)) { contributions.Add(Read(reader)); }
            return new ContributionPage(domainId, total, offset, limit, contributions);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TopContributor>> GetTopContributorsAsync(int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(KnowledgeQueries.TopContributors("COLLATE BINARY"), ("@limit", limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await KnowledgeQueries.ReadTopContributorsAsync(reader, ct);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<MemoryStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(KnowledgeQueries.Stats);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await KnowledgeQueries.ReadStatsAsync(reader, ct);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<ConfidenceDistribution> GetConfidenceDistributionAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(KnowledgeQueries.ConfidenceBuckets);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await KnowledgeQueries.ReadConfidenceDistributionAsync(reader, ct);
        }, cancellationToken);

    private static Contribution Read(DbDataReader reader) =>
        KnowledgeRows.Read(reader, static (r, i) => SqliteCommands.ParseTime(r.GetString(i)));

    /// <summary>The columns a verification or application changes, as command parameters.</summary>
    private static (string, object?)[] Values(Contribution c) =>
    [
        ("@id", c.ContributionId), ("@confidence", c.Confidence), ("@verifications", c.Verifications), ("@rejections", c.Rejections),
        ("@verified_by", KnowledgeRows.Json(c.VerifiedBy)), ("@rejected_by", KnowledgeRows.Json(c.RejectedBy)),
        ("@applications", c.Applications), ("@successes", c.Successes), ("@failures", c.Failures),
        ("@updated", SqliteCommands.FormatTime(c.UpdatedAt)), ("@review_status", c.ReviewStatus), ("@superseded_by", c.SupersededBy),
        ("@expert_accepts", c.ExpertAccepts),
    ];

    private static async Task UpdateCountersAsync(SqliteConnection connection, SqliteTransaction transaction, Contribution c, CancellationToken ct)
    {
        await using var update = connection.Command(KnowledgeQueries.UpdateCounters, Values(c));
        update.Transaction = transaction;
        if (await update.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new KeyNotFoundException($"Contribution '{c.ContributionId}' does not exist.");
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.ReadAsync(read, cancellationToken);
    }

    /// <summary>Runs <paramref name="write"/> in an IMMEDIATE transaction (the write lock first) holding the file's writer slot.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        return await _database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
