using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Runtime.Tests;

/// <summary>State and reminders kept in a real database outlive the silo process that wrote them.</summary>
public sealed class DurableRestartTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly DateTimeOffset s_epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("rayswarm-durable-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<Action<ISiloBuilder>> StoreAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(_directory, "silo.db");
            return silo => silo
                .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = file)
                .UseSqliteReminders(o => o.DatabasePath = file);
        }
        var connection = await postgres.CreateDatabaseAsync();
        return silo => silo
            .AddPostgresGrainStorage(GrainStorageNames.Default, o => o.ConnectionString = connection)
            .UsePostgresReminders(o => o.ConnectionString = connection);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Grain_state_survives_a_silo_restart(string provider)
    {
        var store = await StoreAsync(provider);
        var key = Gates.New();
        await using (var first = await TestSilo.StartAsync(store))
        {
            var grain = first.Grains.GetGrain<ICounterGrain>(key);
            await grain.Add(5);
            await grain.Add(6);
        }

        await using var second = await TestSilo.StartAsync(store);
        var again = second.Grains.GetGrain<ICounterGrain>(key);
        Assert.Equal(11, await again.Get());
        Assert.Equal(12, await again.Add(1));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_stale_etag_is_a_conflict_on_a_durable_store(string provider)
    {
        var store = await StoreAsync(provider);
        var key = Gates.New();
        // Two silos on one store, each with an activation of the same grain: the second write is refused.
        await using var a = await TestSilo.StartAsync(store);
        await using var b = await TestSilo.StartAsync(store);
        await a.Grains.GetGrain<ICounterGrain>(key).Add(1);
        await b.Grains.GetGrain<ICounterGrain>(key).Add(1);

        await Assert.ThrowsAsync<InconsistentStateException>(() => a.Grains.GetGrain<ICounterGrain>(key).Add(1));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_reminder_survives_a_silo_restart_and_catches_up_once(string provider)
    {
        var store = await StoreAsync(provider);
        var key = Gates.New();
        var time = new FakeTimeProvider();
        await using (var first = await TestSilo.StartAsync(store, time))
        {
            await first.Grains.GetGrain<IReminderGrain>(key).Register("wake", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        Assert.Empty(ReminderGrain.Of(key));

        time.Advance(TimeSpan.FromMinutes(5.5)); // the silo is down while ticks at 1..5 minutes fall due
        await using var second = await TestSilo.StartAsync(store, time);
        await Eventually.True(() => ReminderGrain.Of(key).Length == 1, "the catch-up tick after restart");
        var tick = ReminderGrain.Of(key)[0].Status;
        Assert.Equal(s_epoch.AddMinutes(5), tick.CurrentTickTime);
        Assert.Equal(4, tick.MissedTicks);

        time.Advance(TimeSpan.FromMinutes(0.5));
        await Eventually.True(() => ReminderGrain.Of(key).Length == 2, "the next regular tick");
        Assert.Equal(s_epoch.AddMinutes(6), ReminderGrain.Of(key)[1].Status.CurrentTickTime);
    }
}
