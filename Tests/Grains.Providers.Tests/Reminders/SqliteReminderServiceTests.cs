using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Timers;
using Rayswarm.Grains.Providers.Tests.Storage;

namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>Orleans' reminder service on the SQLite table in a real silo: registration, ticks, and a restart.</summary>
public sealed class SqliteReminderServiceTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_reminder_registered_by_a_grain_ticks_and_is_still_registered_and_ticking_after_a_restart()
    {
        var path = file.NewPath();
        var key = Guid.NewGuid().ToString("N");
        var before = await StartAsync(path);
        var grainId = Grain(before, key).GetGrainId();
        await Grain(before, key).Register(Period);

        await Eventually.True(() => ReminderTicks.Count(key) >= 2, "the reminder ticks twice");
        Assert.Equal([ReminderTestGrain.Name], await Grain(before, key).ReminderNames());
        await TestSilo.StopAsync(before);
        var ticksBefore = ReminderTicks.Count(key);

        var row = await ReminderTableUnderTest.Open(path).ReadRow(grainId, ReminderTestGrain.Name);
        Assert.NotNull(row);
        Assert.Equal(Period, row.Period);

        var after = await StartAsync(path);
        try
        {
            // Nothing calls the grain: the new silo's reminder service finds the row and activates the grain to tick.
            await Eventually.True(() => ReminderTicks.Count(key) > ticksBefore, "the reminder ticks after the restart");
            Assert.Equal([ReminderTestGrain.Name], await Grain(after, key).ReminderNames());

            await Grain(after, key).Unregister();

            Assert.Empty(await Grain(after, key).ReminderNames());
            Assert.Null(await ReminderTableUnderTest.Open(path).ReadRow(grainId, ReminderTestGrain.Name));
        }
        finally
        {
            await TestSilo.StopAsync(after);
            SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public void UseSqliteReminderService_registers_the_table_and_the_reminder_service()
    {
        using var host = TestSilo.Build(silo => silo.UseSqliteReminderService(o => o.DatabasePath = file.Path));

        Assert.IsType<SqliteReminderTable>(host.Services.GetRequiredService<IReminderTable>());
        Assert.NotNull(host.Services.GetService<IReminderRegistry>());
    }

    [Theory]
    [InlineData(null, "SqliteStorageOptions.DatabasePath")]
    [InlineData(":memory:", "in-memory")]
    public async Task A_silo_whose_reminder_options_name_no_usable_database_fails_at_start_naming_the_setting(string? path, string named)
    {
        using var host = TestSilo.Build(silo => silo.UseSqliteReminderService(o => o.DatabasePath = path));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SQLite reminder table", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    private static Task<IHost> StartAsync(string path) =>
        TestSilo.StartAsync(silo =>
        {
            silo.UseSqliteReminderService(o => o.DatabasePath = path);
            silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = Period);
        });

    private static IReminderTestGrain Grain(IHost host, string key) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IReminderTestGrain>(key);
}
