namespace Rayswarm.Grains.Providers;

/// <summary>
/// The statements Microsoft.Orleans.Reminders.AdoNet asks for. Its parameters: ServiceId, GrainId (the grain id's
/// string form), ReminderName, GrainHash/BeginHash/EndHash (unsigned hashes cast to int), StartTime (UTC), Period
/// (milliseconds, int or bigint), Version (the ETag as int). It reads GrainId, ReminderName, StartTime, Period, Version.
/// </summary>
internal static class PostgresReminderQueries
{
    private const string Columns = """
        SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
                   period_ms AS "Period", version AS "Version"
              FROM orleans_reminder
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["ReadReminderRowsKey"] = $"""
            {Columns}
             WHERE service_id = @ServiceId AND grain_id = @GrainId
            """,
        ["ReadReminderRowKey"] = $"""
            {Columns}
             WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,
        // The ring range (BeginHash, EndHash] when it does not wrap, compared as signed integers like the provider
        // does to choose between the two keys.
        ["ReadRangeRows1Key"] = $"""
            {Columns}
             WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,
        // ... and when it wraps past the top (or is the whole ring: BeginHash = EndHash).
        ["ReadRangeRows2Key"] = $"""
            {Columns}
             WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminder AS r (
                service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
            VALUES (
                @ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period,
                nextval('orleans_reminder_version_seed'))
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
               SET grain_hash = excluded.grain_hash, start_time = excluded.start_time,
                   period_ms = excluded.period_ms, version = excluded.version
            RETURNING r.version AS "Version"
            """,
        // Returns one boolean: whether the reminder existed with that ETag and is gone now.
        ["DeleteReminderRowKey"] = """
            WITH removed AS (
                DELETE FROM orleans_reminder
                 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
                   AND version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM removed)
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminder WHERE service_id = @ServiceId
            """,
    };

    public static PostgresAdoNetSchemaPart Part { get; } = new("reminders", PostgresReminderDdl.Script, All);
}
