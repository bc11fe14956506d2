using System.Data.Common;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The review table's columns, in the order both stores select them, and reading a row back.</summary>
internal static class ReviewRows
{
    public const string Columns =
        "review_id, kind, domain_id, status, prompt, approvers, subject_id, step_id, context, requested_by, created_at, deadline_at, "
        + "decided_at, decided_by, comment, correction, result_id";

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static string? Json(JsonElement? value) => value is { ValueKind: not JsonValueKind.Undefined } v ? v.GetRawText() : null;

    public static async Task<IReadOnlyList<ReviewInfo>> ReadAllAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time,
        CancellationToken cancellationToken)
    {
        var rows = new List<ReviewInfo>();
        while (await reader.ReadAsync(cancellationToken)) { rows.Add(Read(reader, time)); }
        return rows;
    }

    public static ReviewInfo Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> time) =>
        new(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4),
            JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [],
            r.GetString(6), Text(r, 7), Element(r, 8), Text(r, 9), time(r, 10),
            r.IsDBNull(11) ? null : time(r, 11), r.IsDBNull(12) ? null : time(r, 12),
            Text(r, 13), Text(r, 14), Element(r, 15), Text(r, 16));

    /// <summary>The statement of <see cref="IReviewStore.OutcomesAsync"/> (parameters @kind and @domain).</summary>
    public const string Outcomes =
        "SELECT status, created_at, decided_at FROM reviews WHERE kind = @kind AND (@domain IS NULL OR domain_id = @domain)";

    public static async Task<IReadOnlyList<(string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt)>> ReadOutcomesAsync(
        DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time, CancellationToken cancellationToken)
    {
        var rows = new List<(string, DateTimeOffset, DateTimeOffset?)>();
        while (await reader.ReadAsync(cancellationToken)) { rows.Add((reader.GetString(0), time(reader, 1), reader.IsDBNull(2) ? null : time(reader, 2))); }
        return rows;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static JsonElement? Element(DbDataReader r, int i)
    {
        if (r.IsDBNull(i)) { return null; }
        using var document = JsonDocument.Parse(r.GetString(i));
        return document.RootElement.Clone();
    }
}
