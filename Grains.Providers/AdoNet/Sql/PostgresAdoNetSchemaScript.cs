using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Grains.Providers;

/// <summary>All parts in the order they are applied, and a fingerprint of their text.</summary>
internal static class PostgresAdoNetSchemaScript
{
    /// <summary>The <c>orleans_schema</c> row this schema records itself under.</summary>
    public const string Component = "rayswarm-orleans-adonet";

    public static IReadOnlyList<PostgresAdoNetSchemaPart> Parts { get; } =
    [
        PostgresCommonSql.Part,
        PostgresClusteringQueries.Part,
        PostgresStorageQueries.Part,
        PostgresReminderQueries.Part,
    ];

    /// <summary>Every query key with its text, over all parts.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } =
        Parts.SelectMany(part => part.Queries).ToDictionary(query => query.Key, query => query.Value, StringComparer.Ordinal);

    /// <summary>Changes whenever any DDL or query text changes, so a newer build re-applies and an equal one does not.</summary>
    public static string Fingerprint { get; } = ComputeFingerprint();

    private static string ComputeFingerprint()
    {
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part.Name).Append('\0').Append(part.Ddl).Append('\0');
            foreach (var query in part.Queries.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                text.Append(query.Key).Append('\0').Append(query.Value).Append('\0');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
