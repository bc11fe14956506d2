namespace Rayswarm.Grains.Providers;

/// <summary>The stream log tables (names and columns shared with the PostgreSQL stream log).</summary>
internal static class SqliteStreamSchema
{
    // AUTOINCREMENT: a position is never handed out twice, even after the newest events were trimmed.
    public const string Script = """
        CREATE TABLE IF NOT EXISTS stream_events (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            event_id TEXT NOT NULL UNIQUE,
            partition INTEGER NOT NULL,
            published_at TEXT NOT NULL,
            data TEXT NOT NULL,
            UNIQUE (namespace, key, sequence)
        );
        CREATE INDEX IF NOT EXISTS stream_events_partition ON stream_events (partition, position);
        CREATE INDEX IF NOT EXISTS stream_events_namespace ON stream_events (namespace, position);
        CREATE TABLE IF NOT EXISTS stream_heads (
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            last_sequence INTEGER NOT NULL,
            PRIMARY KEY (namespace, key)
        );
        CREATE TABLE IF NOT EXISTS stream_cursors (
            subscription TEXT NOT NULL,
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            PRIMARY KEY (subscription, namespace, key)
        );
        CREATE TABLE IF NOT EXISTS stream_checkpoints (
            partition INTEGER NOT NULL PRIMARY KEY,
            position INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS stream_subscriptions (
            id TEXT NOT NULL PRIMARY KEY,
            namespace TEXT NOT NULL,
            pattern TEXT NOT NULL,
            subscriber TEXT NOT NULL,
            created_at TEXT NOT NULL,
            start_position INTEGER NOT NULL,
            UNIQUE (namespace, pattern, subscriber)
        );
        CREATE TABLE IF NOT EXISTS stream_dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            subscription TEXT NOT NULL,
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            published_at TEXT NOT NULL,
            data TEXT NOT NULL,
            error TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            parked_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS stream_dead_letters_subscription ON stream_dead_letters (subscription, id);
        """;

    /// <summary>The columns of an event row, in the order <c>ReadEvent</c> expects.</summary>
    public const string EventColumns = "position, namespace, key, sequence, event_id, partition, published_at, data";
}
