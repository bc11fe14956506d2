using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The knowledge store in PostgreSQL (cluster mode), on the runtime's pooled data source. Search is a tsvector column
/// (configuration <c>english</c>) with a GIN index, queried with <c>plainto_tsquery</c>; relevance is <c>ts_rank</c>.
/// </summary>
public sealed class PostgresKnowledgeStore : IKnowledgeStore, IAsyncDisposable
{
    private const string Config = PostgresKnowledgeSchema.TextConfiguration;

    private readonly PostgresDatabase _database;
    private readonly PostgresSchemaOnce _schema;

    /// <summary>Creates the store over the database of <paramref name="options"/>; its tables are created on first use.</summary>
    public PostgresKnowledgeStore(PostgresStorageOptions options)
    {
        _database = new PostgresDatabase(options);
        _schema = new PostgresSchemaOnce(_database, PostgresKnowledgeSchema.Script, PostgresKnowledgeSchema.LockKey);
    }

    /// <inheritdoc />
    public async Task AddAsync(Contribution contribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            INSERT INTO memory_contributions (contribution_id, domain_id, contribution_type, content, search, confidence, verifications,
                rejections, verified_by, rejected_by, applications, successes, failures, created_at, updated_at, contributed_by,
                review_status, supersedes, superseded_by, expert_accepts)
            VALUES (@id, @domain, @type, @content, to_tsvector('{Config}', @text), @confidence, @verifications, @rejections,
                @verified_by, @rejected_by, @applications, @successes, @failures, @created, @updated, @contributed_by, @review_status,
                @supersedes, @superseded_by, @expert_accepts)
            """,
            [.. Values(contribution), PostgresCommands.Text("domain", contribution.DomainId),
                NullableText("contributed_by", contribution.ContributedBy), NullableText("supersedes", contribution.Supersedes),
                PostgresCommands.Text("type", contribution.ContributionType),
                new NpgsqlParameter("content", NpgsqlDbType.Json) { Value = KnowledgeRows.Json(contribution.Content) },
                PostgresCommands.Text("text", KnowledgeText.Of(contribution.ContributionType, contribution.Content)),
                PostgresCommands.Time("created", contribution.CreatedAt)]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Contribution?> GetAsync(string contributionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {KnowledgeRows.Columns} FROM memory_contributions c WHERE c.contribution_id = @id", PostgresCommands.Text("id", contributionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<bool> AddVerificationAsync(Contribution updated, string verifierDomainId, bool valid, string? notes, string? principal = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command(
            """
            INSERT INTO memory_verifications (contribution_id, domain_id, valid, notes, verified_at, principal)
            VALUES (@id, @domain, @valid, @notes, @at, @principal) ON CONFLICT DO NOTHING
            """,
            PostgresCommands.Text("id", updated.ContributionId), PostgresCommands.Text("domain", verifierDomainId),
            new NpgsqlParameter("valid", NpgsqlDbType.Boolean) { Value = valid }, NullableText("notes", notes), NullableText("principal", principal),
            PostgresCommands.Time("at", updated.UpdatedAt));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0) { return false; }
        await UpdateCountersAsync(connection, updated, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Contribution updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await UpdateCountersAsync(connection, updated, cancellationToken);
    }

    /// <inheritdoc />
    public async Task AddApplicationAsync(Contribution updated, string domainId, string outcome, string? notes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command(
            "INSERT INTO memory_applications (contribution_id, domain_id, outcome, notes, applied_at) VALUES (@id, @domain, @outcome, @notes, @at)",
            PostgresCommands.Text("id", updated.ContributionId), PostgresCommands.Text("domain", domainId),
            PostgresCommands.Text("outcome", outcome), NullableText("notes", notes), PostgresCommands.Time("at", updated.UpdatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await UpdateCountersAsync(connection, updated, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string contributionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contributionId);
        await using var connection = await _schema.OpenAsync(cancellationToken);
        // One statement: the three deletes run in one snapshot and commit together.
        await using var delete = connection.Command(
            """
            WITH verifications AS (DELETE FROM memory_verifications WHERE contribution_id = @id),
            applications AS (DELETE FROM memory_applications WHERE contribution_id = @id),
            gone AS (DELETE FROM memory_contributions WHERE contribution_id = @id RETURNING 1)
            SELECT COUNT(*) FROM gone
            """,
            PostgresCommands.Text("id", contributionId));
        return Convert.ToInt64(await delete.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MemoryMatch>> QueryAsync(MemoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = KnowledgeText.Words(query.Query);
        const string Filters = "c.superseded_by IS NULL AND c.confidence >= @min AND (@type IS NULL OR c.contribution_type = @type) AND (@domain IS NULL OR c.domain_id = @domain)";
        var sql = words.Count == 0
            ? $"SELECT {KnowledgeRows.Columns}, 1.0::double precision FROM memory_contributions c WHERE {Filters} ORDER BY c.confidence DESC, c.seq DESC LIMIT @limit"
            : $"""
              WITH matched AS (
                  SELECT c.*, ts_rank(c.search, q)::double precision AS r
                  FROM memory_contributions c, plainto_tsquery('{Config}', @query) q
                  WHERE c.search @@ q AND {Filters})
              SELECT {KnowledgeRows.Columns}, {KnowledgeQueries.Relevance} FROM matched c
              ORDER BY c.r * c.confidence DESC, c.seq DESC LIMIT @limit
              """;
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql,
            PostgresCommands.Text("query", string.Join(' ', words)),
            new NpgsqlParameter("min", NpgsqlDbType.Double) { Value = query.MinConfidence },
            NullableText("type", query.ContributionType), NullableText("domain", query.DomainId), Integer("limit", query.Limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var matches = new List<MemoryMatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var contribution = Read(reader);
            var relevance = reader.GetDouble(KnowledgeRows.Count);
            matches.Add(new MemoryMatch(contribution, relevance, relevance * contribution.Confidence));
        }
        return matches;
    }

    /// <inheritdoc />
    public async Task<ContributionPage> GetByDomainAsync(string domainId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var count = connection.Command("SELECT COUNT(*) FROM memory_contributions WHERE domain_id = @domain", PostgresCommands.Text("domain", domainId));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        await using var page = connection.Command(
            $"SELECT {KnowledgeRows.Columns} FROM memory_contributions c WHERE c.domain_id = @domain ORDER BY c.seq DESC LIMIT @limit OFFSET @offset",
            PostgresCommands.Text("domain", domainId), Integer("limit", limit), Integer("offset", offset));
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        var contributions = new List<Contribution>();
        while (await reader.ReadAsync(cancellationToken)) { contributions.Add(Read(reader)); }
        return new ContributionPage(domainId, total, offset, limit, contributions);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TopContributor>> GetTopContributorsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(KnowledgeQueries.TopContributors("COLLATE \"C\""), Integer("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await KnowledgeQueries.ReadTopContributorsAsync(reader, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MemoryStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(KnowledgeQueries.Stats);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await KnowledgeQueries.ReadStatsAsync(reader, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConfidenceDistribution> GetConfidenceDistributionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _schema.OpenAsync(cancellationToken);
        await using var command = connection.Command(KnowledgeQueries.ConfidenceBuckets);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await KnowledgeQueries.ReadConfidenceDistributionAsync(reader, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static Contribution Read(DbDataReader reader) =>
        KnowledgeRows.Read(reader, static (r, i) => r.GetFieldValue<DateTimeOffset>(i));

    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Integer(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    /// <summary>The columns a verification or application changes, as command parameters.</summary>
    private static NpgsqlParameter[] Values(Contribution c) =>
    [
        PostgresCommands.Text("id", c.ContributionId),
        new("confidence", NpgsqlDbType.Double) { Value = c.Confidence },
        Integer("verifications", c.Verifications), Integer("rejections", c.Rejections),
        PostgresCommands.Jsonb("verified_by", KnowledgeRows.Json(c.VerifiedBy)), PostgresCommands.Jsonb("rejected_by", KnowledgeRows.Json(c.RejectedBy)),
        Integer("applications", c.Applications), Integer("successes", c.Successes), Integer("failures", c.Failures),
        PostgresCommands.Time("updated", c.UpdatedAt), NullableText("review_status", c.ReviewStatus),
        NullableText("superseded_by", c.SupersededBy), Integer("expert_accepts", c.ExpertAccepts),
    ];

    private static async Task UpdateCountersAsync(NpgsqlConnection connection, Contribution c, CancellationToken cancellationToken)
    {
        await using var update = connection.Command(KnowledgeQueries.UpdateCounters, Values(c));
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new KeyNotFoundException($"Contribution '{c.ContributionId}' does not exist.");
        }
    }
}
