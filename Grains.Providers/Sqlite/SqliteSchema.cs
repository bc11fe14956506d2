namespace Rayswarm.Grains.Providers;

/// <summary>The tables of both providers (names shared with the PostgreSQL providers).</summary>
internal static class SqliteSchema
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag INTEGER NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            last_tick_at TEXT NULL,
            etag INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        CREATE INDEX IF NOT EXISTS reminders_grain_hash ON reminders (grain_hash);
        """;
}
