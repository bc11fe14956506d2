using System.Data.Common;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The statements both index stores run as written (parameters named @x in both), and how their rows are read.</summary>
internal static class WorkflowIndexQueries
{
    /// <summary>What <see cref="WorkflowStats.Partitions"/> reports: the index is one table.</summary>
    public const int Partitions = 1;

    /// <summary>The row columns, in the order <see cref="Read"/> expects.</summary>
    public const string Columns =
        "workflow_id, name, status, created_at, started_at, finished_at, steps, steps_completed, compensations, error, version";

    /// <summary>Inserts a row, or replaces it when the stored version is older.</summary>
    public const string Upsert = $"""
        INSERT INTO workflow_index ({Columns}, duration_ms)
        VALUES (@id, @name, @status, @created, @started, @finished, @steps, @steps_completed, @compensations, @error, @version, @duration)
        ON CONFLICT (workflow_id) DO UPDATE SET name = excluded.name, status = excluded.status, created_at = excluded.created_at,
            started_at = excluded.started_at, finished_at = excluded.finished_at, steps = excluded.steps,
            steps_completed = excluded.steps_completed, compensations = excluded.compensations, error = excluded.error,
            version = excluded.version, duration_ms = excluded.duration_ms
        WHERE excluded.version > workflow_index.version
        """;

    /// <summary>One workflow's row.</summary>
    public const string Get = $"SELECT {Columns} FROM workflow_index WHERE workflow_id = @id";

    /// <summary>How many rows match, then the page (<paramref name="binaryCollation"/>: how the database says byte order).</summary>
    public static string List(string binaryCollation) => $"""
        SELECT COUNT(*) FROM workflow_index WHERE @status IS NULL OR status = @status;
        SELECT {Columns} FROM workflow_index WHERE @status IS NULL OR status = @status
        ORDER BY created_at DESC, workflow_id {binaryCollation} LIMIT @limit OFFSET @offset;
        """;

    /// <summary>Per status: rows, steps completed, compensations, finished rows and the sum of their durations.</summary>
    public const string Stats = """
        SELECT status, COUNT(*), COALESCE(SUM(steps_completed), 0), COALESCE(SUM(compensations), 0), COUNT(duration_ms),
            COALESCE(SUM(duration_ms), 0)
        FROM workflow_index GROUP BY status
        """;

    /// <summary>Milliseconds from start to finish when the workflow has both; stats average over these.</summary>
    public static double? DurationMs(WorkflowSummary s) =>
        s is { StartedAt: { } started, FinishedAt: { } finished } ? (finished - started).TotalMilliseconds : null;

    public static async Task<WorkflowPage> ReadPageAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time, int limit,
        int offset, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var total = Convert.ToInt32(reader.GetValue(0));
        await reader.NextResultAsync(ct);
        var rows = new List<WorkflowSummary>();
        while (await reader.ReadAsync(ct)) { rows.Add(Read(reader, time)); }
        return new WorkflowPage(rows, total, limit, offset);
    }

    public static async Task<WorkflowSummary?> ReadRowAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time, CancellationToken ct) =>
        await reader.ReadAsync(ct) ? Read(reader, time) : null;

    public static async Task<WorkflowStats> ReadStatsAsync(DbDataReader reader, CancellationToken ct)
    {
        var byStatus = WorkflowStatus.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        long steps = 0, compensations = 0, finished = 0;
        double duration = 0;
        while (await reader.ReadAsync(ct))
        {
            byStatus[reader.GetString(0)] = Long(reader, 1);
            steps += Long(reader, 2);
            compensations += Long(reader, 3);
            finished += Long(reader, 4);
            duration += Convert.ToDouble(reader.GetValue(5));
        }
        return new WorkflowStats(byStatus.Values.Sum(), byStatus, steps, compensations, finished == 0 ? 0 : duration / finished,
            byStatus[WorkflowStatus.Running] + byStatus[WorkflowStatus.RollingBack], Partitions);
    }

    private static WorkflowSummary Read(DbDataReader row, Func<DbDataReader, int, DateTimeOffset> time) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        time(row, 3),
        row.IsDBNull(4) ? null : time(row, 4),
        row.IsDBNull(5) ? null : time(row, 5),
        Convert.ToInt32(row.GetValue(6)),
        Convert.ToInt32(row.GetValue(7)),
        Convert.ToInt32(row.GetValue(8)),
        row.IsDBNull(9) ? null : row.GetString(9),
        Convert.ToInt32(row.GetValue(10)));

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal));
}
