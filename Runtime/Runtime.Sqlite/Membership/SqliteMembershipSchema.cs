namespace Rayswarm.Runtime.Sqlite;

/// <summary>The membership tables (names and columns shared with the PostgreSQL membership table).</summary>
internal static class SqliteMembershipSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS membership_version (
            cluster_id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS membership (
            cluster_id TEXT NOT NULL,
            host TEXT NOT NULL,
            port INTEGER NOT NULL,
            generation INTEGER NOT NULL,
            status TEXT NOT NULL,
            name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            iamalive_at TEXT NOT NULL,
            suspicions TEXT NOT NULL,
            PRIMARY KEY (cluster_id, host, port, generation)
        );
        """;

    /// <summary>The version row of a cluster, created at version 0 unless it exists.</summary>
    public const string InsertVersion = "INSERT INTO membership_version (cluster_id, version) VALUES (@cluster, 0) ON CONFLICT (cluster_id) DO NOTHING";

    /// <summary>The compare-and-swap on the version: one row changed means the write may proceed.</summary>
    public const string BumpVersion = "UPDATE membership_version SET version = version + 1 WHERE cluster_id = @cluster AND version = @expected";
}
