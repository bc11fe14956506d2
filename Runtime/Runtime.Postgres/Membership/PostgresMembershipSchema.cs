namespace Rayswarm.Runtime.Postgres;

/// <summary>The membership tables (names and columns shared with the SQLite membership table).</summary>
internal static class PostgresMembershipSchema
{
    /// <summary>Run under <see cref="PostgresSchema.LockKey"/>: concurrent CREATE TABLE IF NOT EXISTS can fail otherwise.</summary>
    public const string Script = """
        CREATE TABLE IF NOT EXISTS membership_version (
            cluster_id text NOT NULL PRIMARY KEY,
            version bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS membership (
            cluster_id text NOT NULL,
            host text NOT NULL,
            port integer NOT NULL,
            generation bigint NOT NULL,
            status text NOT NULL CHECK (status IN ('Joining', 'Active', 'ShuttingDown', 'Dead')),
            name text NOT NULL,
            started_at timestamptz NOT NULL,
            iamalive_at timestamptz NOT NULL,
            suspicions text NOT NULL,
            PRIMARY KEY (cluster_id, host, port, generation)
        );
        """;

    /// <summary>The version row of a cluster, created at version 0 unless it exists.</summary>
    public const string InsertVersion = "INSERT INTO membership_version (cluster_id, version) VALUES (@cluster, 0) ON CONFLICT (cluster_id) DO NOTHING";

    /// <summary>The compare-and-swap on the version: one row changed means the write may proceed. Under READ COMMITTED a
    /// concurrent writer waits for the row lock, then re-checks the condition against the committed version and fails.</summary>
    public const string BumpVersion = "UPDATE membership_version SET version = version + 1 WHERE cluster_id = @cluster AND version = @expected";
}
