namespace Rayswarm.Grains.Providers;

/// <summary>The stream log tables (names and columns shared with the SQLite stream log).</summary>
internal static class PostgresStreamSchema
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes schema creation between processes.</summary>
    public const long SchemaLockKey = 0x5261_7973_5374_5363; // "RaysStSc"

    /// <summary>Key of the transaction-scoped advisory lock every append takes first: appends commit one after another,
    /// so positions (taken from a sequence before commit) become visible in increasing order.</summary>
    public const long AppendLockKey = 0x5261_7973_5374_4170; // "RaysStAp"

    /// <summary>The columns of an event row, in the order <c>ReadEvent</c> expects.</summary>
    public const string EventColumns = "position, namespace, key, sequence, event_id, partition, published_at, data::text";

    public const string Script = """
        CREATE TABLE IF NOT EXISTS stream_events (
            position bigserial PRIMARY KEY,
            namespace text NOT NULL,
            key text NOT NULL,
            sequence bigint NOT NULL,
            event_id text NOT NULL UNIQUE,
            partition integer NOT NULL,
            published_at timestamptz NOT NULL,
            data jsonb NOT NULL,
            UNIQUE (namespace, key, sequence)
        );
        CREATE INDEX IF NOT EXISTS stream_events_partition ON stream_events (partition, position);
        CREATE INDEX IF NOT EXISTS stream_events_namespace ON stream_events (namespace, position);
        CREATE TABLE IF NOT EXISTS stream_heads (
            namespace text NOT NULL,
            key text NOT NULL,
            last_sequence bigint NOT NULL,
            PRIMARY KEY (namespace, key)
        );
        CREATE TABLE IF NOT EXISTS stream_cursors (
            subscription text NOT NULL,
            namespace text NOT NULL,
            key text NOT NULL,
            sequence bigint NOT NULL,
            PRIMARY KEY (subscription, namespace, key)
        );
        CREATE TABLE IF NOT EXISTS stream_checkpoints (
            partition integer NOT NULL PRIMARY KEY,
            position bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS stream_subscriptions (
            id text NOT NULL PRIMARY KEY,
            namespace text NOT NULL,
            pattern text NOT NULL,
            subscriber text NOT NULL,
            created_at timestamptz NOT NULL,
            start_position bigint NOT NULL,
            UNIQUE (namespace, pattern, subscriber)
        );
        CREATE TABLE IF NOT EXISTS stream_dead_letters (
            id bigserial PRIMARY KEY,
            subscription text NOT NULL,
            namespace text NOT NULL,
            key text NOT NULL,
            sequence bigint NOT NULL,
            event_id text NOT NULL,
            published_at timestamptz NOT NULL,
            data jsonb NOT NULL,
            error text NOT NULL,
            attempts integer NOT NULL,
            parked_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS stream_dead_letters_subscription ON stream_dead_letters (subscription, id);
        """;
}
