using System.Data.Common;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The statements both stores run as written (parameters named @x in both), and how their rows are read.</summary>
internal static class KnowledgeQueries
{
    /// <summary>A match's relevance: its rank <c>c.r</c> (higher is better) over the best rank among all matches of the
    /// query, so the best textual match has 1 whatever the database's scale; ordering by r × confidence is the same as by
    /// relevance × confidence.</summary>
    public const string Relevance = "CASE WHEN max(c.r) OVER () > 0 THEN c.r / max(c.r) OVER () ELSE 1.0 END";

    public const string UpdateCounters = """
        UPDATE memory_contributions SET confidence = @confidence, verifications = @verifications, rejections = @rejections,
            verified_by = @verified_by, rejected_by = @rejected_by, applications = @applications, successes = @successes,
            failures = @failures, updated_at = @updated, review_status = @review_status, superseded_by = @superseded_by,
            expert_accepts = @expert_accepts
        WHERE contribution_id = @id
        """;

    /// <summary>Ties go by domain id in byte order (<paramref name="binaryCollation"/>: how the database says so).</summary>
    public static string TopContributors(string binaryCollation) => $"""
        SELECT domain_id, COUNT(*), AVG(confidence), SUM(verifications), SUM(successes)
        FROM memory_contributions GROUP BY domain_id ORDER BY COUNT(*) DESC, domain_id {binaryCollation} LIMIT @limit
        """;

    /// <summary>The totals (one row), then the count per type.</summary>
    public const string Stats = """
        SELECT COUNT(*), COUNT(DISTINCT domain_id), COALESCE(SUM(verifications), 0), COALESCE(SUM(rejections), 0),
            COALESCE(SUM(applications), 0), COALESCE(SUM(successes), 0), COALESCE(AVG(confidence), 0)
        FROM memory_contributions;
        SELECT contribution_type, COUNT(*) FROM memory_contributions GROUP BY contribution_type;
        """;

    /// <summary>One row: the contributions per confidence bucket, lowest first; the last bucket includes 1. Portable SQL (no
    /// FLOOR, whose SQLite build may lack it, nor CAST, which rounds in PostgreSQL).</summary>
    public static readonly string ConfidenceBuckets =
        "SELECT " + string.Join(", ", Enumerable.Range(0, ConfidenceDistribution.BucketCount).Select(i =>
        {
            var low = i == 0 ? "" : $"confidence >= {i / 10.0:0.0}";
            var high = i == ConfidenceDistribution.BucketCount - 1 ? "" : $"confidence < {(i + 1) / 10.0:0.0}";
            var condition = string.Join(" AND ", new[] { low, high }.Where(c => c.Length > 0));
            return $"COALESCE(SUM(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)";
        })) + " FROM memory_contributions";

    public static async Task<ConfidenceDistribution> ReadConfidenceDistributionAsync(DbDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        return ConfidenceDistribution.Of([.. Enumerable.Range(0, reader.FieldCount).Select(i => Int(reader, i))]);
    }

    public static async Task<IReadOnlyList<TopContributor>> ReadTopContributorsAsync(DbDataReader reader, CancellationToken ct)
    {
        var top = new List<TopContributor>();
        while (await reader.ReadAsync(ct))
        {
            top.Add(new TopContributor(reader.GetString(0), Int(reader, 1), Convert.ToDouble(reader.GetValue(2)), Int(reader, 3), Int(reader, 4)));
        }
        return top;
    }

    public static async Task<MemoryStats> ReadStatsAsync(DbDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var (contributions, domains, verifications, rejections) = (Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3));
        var (applications, successes, confidence) = (Int(reader, 4), Int(reader, 5), Convert.ToDouble(reader.GetValue(6)));
        await reader.NextResultAsync(ct);
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) { byType[reader.GetString(0)] = Int(reader, 1); }
        return new MemoryStats(contributions, domains, verifications + rejections, rejections, applications, successes,
            applications == 0 ? 0 : (double)successes / applications, confidence, byType);
    }

    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal));
}
