namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>The SQLite reminder table on a file, and the entries the tests upsert.</summary>
internal static class ReminderTableUnderTest
{
    /// <summary>UTC and not a whole millisecond, to check that times come back exactly.</summary>
    public static readonly DateTime Start = new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc).AddTicks(2345);

    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(250);

    public static SqliteReminderTable Open(string path) => new(new SqliteStorageOptions { DatabasePath = path });

    public static ReminderEntry Entry(GrainId grain, string name) => new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = Period };

    /// <summary>Orleans' range: (begin, end], or past <see cref="uint.MaxValue"/> and round when begin &gt;= end.</summary>
    public static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
