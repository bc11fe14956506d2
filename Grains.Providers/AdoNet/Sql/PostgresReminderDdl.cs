namespace Rayswarm.Grains.Providers;

/// <summary>
/// Reminders: one row per (service, grain, reminder name), with the grain's uniform hash (as the provider sends it:
/// the unsigned hash cast to a signed integer) for the ring-range reads. Every upsert takes a fresh version from a
/// sequence, so an ETag from a removed reminder never matches one registered later under the same name.
/// </summary>
internal static class PostgresReminderDdl
{
    public const string Script = """
        CREATE SEQUENCE IF NOT EXISTS orleans_reminder_version_seed AS integer MINVALUE 1 CYCLE;

        CREATE TABLE IF NOT EXISTS orleans_reminder (
            service_id    text NOT NULL,
            grain_id      text NOT NULL,
            reminder_name text NOT NULL,
            grain_hash    integer NOT NULL,
            start_time    timestamptz NOT NULL,
            period_ms     bigint NOT NULL,
            version       integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );

        CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);
        """;
}
