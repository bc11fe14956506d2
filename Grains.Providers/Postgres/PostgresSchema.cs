namespace Rayswarm.Grains.Providers;

/// <summary>The tables of both providers (names shared with the SQLite providers).</summary>
internal static class PostgresSchema
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes schema creation between processes
    /// (concurrent CREATE TABLE IF NOT EXISTS can otherwise fail on the catalog's unique index).</summary>
    public const long LockKey = 0x5261_7973_5374_6F72; // "RaysStor"

    public const string Script = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            etag bigint NOT NULL,
            data jsonb NOT NULL,
            updated_at timestamptz NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            name text NOT NULL,
            grain_hash bigint NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295),
            start_at timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            last_tick_at timestamptz NULL,
            etag bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        CREATE INDEX IF NOT EXISTS reminders_grain_hash ON reminders (grain_hash);
        """;
}
