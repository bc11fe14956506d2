using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Orleans' ADO.NET reminder table (behind UsePostgresReminders) against our schema.</summary>
public sealed class PostgresReminderContractTests(PostgresOrleansDatabase database) : IClassFixture<PostgresOrleansDatabase>, IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, 250, DateTimeKind.Utc);
    private readonly List<AdoNetSiloServices> _silos = [];

    public void Dispose()
    {
        foreach (var silo in _silos) { silo.Dispose(); }
    }

    [Fact]
    public async Task Upsert_returns_an_ETag_and_the_reminder_reads_back_by_grain_and_by_name()
    {
        var table = await OpenAsync();
        var grain = GrainId.Create("alarm", "kitchen");

        var etag = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));

        Assert.False(string.IsNullOrEmpty(etag));
        var byGrain = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal(grain, byGrain.GrainId);
        Assert.Equal("wake", byGrain.ReminderName);
        Assert.Equal(Start, byGrain.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), byGrain.Period);
        Assert.Equal(etag, byGrain.ETag);
        var byName = await table.ReadRow(grain, "wake");
        Assert.NotNull(byName);
        Assert.Equal(etag, byName.ETag);
        Assert.Null(await table.ReadRow(grain, "sleep"));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_under_a_new_ETag()
    {
        var table = await OpenAsync();
        var grain = GrainId.Create("alarm", "hall");
        var first = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));

        // Longer than int.MaxValue milliseconds: the provider then sends the period as a bigint.
        var second = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromDays(40)));

        Assert.NotEqual(first, second);
        var stored = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal(TimeSpan.FromDays(40), stored.Period);
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task Remove_needs_the_current_ETag()
    {
        var table = await OpenAsync();
        var grain = GrainId.Create("alarm", "garage");
        var first = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));
        var current = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(6)));

        Assert.False(await table.RemoveRow(grain, "wake", first!));
        Assert.NotNull(await table.ReadRow(grain, "wake"));
        Assert.True(await table.RemoveRow(grain, "wake", current!));
        Assert.Null(await table.ReadRow(grain, "wake"));
        Assert.False(await table.RemoveRow(grain, "wake", current!));
    }

    [Fact]
    public async Task An_ETag_of_a_removed_reminder_does_not_remove_its_successor()
    {
        var table = await OpenAsync();
        var grain = GrainId.Create("alarm", "attic");
        var old = await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));
        Assert.True(await table.RemoveRow(grain, "wake", old!));
        await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));

        Assert.False(await table.RemoveRow(grain, "wake", old!));
        Assert.NotNull(await table.ReadRow(grain, "wake"));
    }

    [Fact]
    public async Task Ring_ranges_return_exactly_the_grains_whose_hash_falls_in_them()
    {
        var table = await OpenAsync();
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("alarm", $"room-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var lowQuarter = hashes[hashes.Count / 4];
        var highQuarter = hashes[3 * hashes.Count / 4];
        (uint Begin, uint End)[] ranges =
        [
            (lowQuarter, highQuarter),             // plain, begin < end
            (highQuarter, lowQuarter),             // wraps past uint.MaxValue
            (0x1000_0000, 0x9000_0000),            // plain as unsigned, wraps as signed
            (0x9000_0000, 0x1000_0000),            // wraps as unsigned, plain as signed
            (lowQuarter, lowQuarter),              // begin = end: the whole ring
            (0, uint.MaxValue),                    // everything but hash 0
        ];

        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToList();
            Assert.NotEmpty(expected);
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task TestOnlyClearTable_removes_this_services_reminders_only()
    {
        var table = await OpenAsync();
        var otherService = await OpenAsync();
        var grain = GrainId.Create("alarm", "porch");
        await table.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));
        await otherService.UpsertRow(Reminder(grain, "wake", TimeSpan.FromMinutes(5)));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
        Assert.Single((await otherService.ReadRows(0, 0)).Reminders);
    }

    /// <summary>Orleans' ring range (begin, end] over unsigned hashes; begin = end is the whole ring.</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Reminder(GrainId grain, string name, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period,
    };

    private async Task<IReminderTable> OpenAsync()
    {
        var services = new AdoNetSiloServices(database.ConnectionString, TestIds.New("cluster"), TestIds.New("service"));
        _silos.Add(services);
        var table = services.Services.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return table;
    }
}
