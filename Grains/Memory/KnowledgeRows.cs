using System.Data.Common;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The columns of a contribution row, shared by both stores, and how a row becomes a <see cref="Contribution"/>.</summary>
internal static class KnowledgeRows
{
    /// <summary>The contribution columns, in the order <see cref="Read"/> expects, qualified by the alias <c>c</c>.</summary>
    public const string Columns =
        "c.contribution_id, c.domain_id, c.contribution_type, c.content, c.confidence, c.verifications, c.rejections, "
        + "c.verified_by, c.rejected_by, c.applications, c.successes, c.failures, c.created_at, c.updated_at, "
        + "c.contributed_by, c.review_status, c.supersedes, c.superseded_by, c.expert_accepts";

    /// <summary>How many columns <see cref="Columns"/> has (extra columns of a query follow them).</summary>
    public const int Count = 19;

    public static Contribution Read(DbDataReader row, Func<DbDataReader, int, DateTimeOffset> time) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        ParseJson(row.GetString(3)),
        row.GetDouble(4),
        Convert.ToInt32(row.GetValue(5)),
        Convert.ToInt32(row.GetValue(6)),
        ParseList(row.GetString(7)),
        ParseList(row.GetString(8)),
        Convert.ToInt32(row.GetValue(9)),
        Convert.ToInt32(row.GetValue(10)),
        Convert.ToInt32(row.GetValue(11)),
        time(row, 12),
        time(row, 13),
        Text(row, 14),
        Text(row, 15),
        Text(row, 16),
        Text(row, 17),
        Convert.ToInt32(row.GetValue(18)));

    private static string? Text(DbDataReader row, int i) => row.IsDBNull(i) ? null : row.GetString(i);

    public static string Json(JsonElement content) => JsonSerializer.Serialize(content);

    public static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list);

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string[] ParseList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
