using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Tests;

public sealed class ReminderTests
{
    private static readonly DateTimeOffset s_epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new();

    private Task<TestSilo> StartAsync(IReminderTable? table = null) => TestSilo.StartAsync(
        silo => { if (table is not null) { silo.UseReminderTable(_ => table); } },
        _time);

    [Fact]
    public async Task A_reminder_ticks_at_its_due_time_and_then_every_period()
    {
        await using var silo = await StartAsync();
        var key = Gates.New();
        var grain = silo.Grains.GetGrain<IReminderGrain>(key);
        await grain.Register("r", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(ReminderGrain.Of(key));
        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.True(() => ReminderGrain.Of(key).Length == 1, "first tick");
        _time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.True(() => ReminderGrain.Of(key).Length == 2, "second tick");

        var ticks = ReminderGrain.Of(key);
        Assert.All(ticks, t => Assert.Equal("r", t.Name));
        Assert.Equal(s_epoch.AddMinutes(2), ticks[0].Status.CurrentTickTime);
        Assert.Equal(s_epoch.AddMinutes(7), ticks[1].Status.CurrentTickTime);
        Assert.Equal(TimeSpan.FromMinutes(5), ticks[1].Status.Period);
        Assert.Equal(0, ticks[1].Status.MissedTicks);
    }

    [Fact]
    public async Task An_unregistered_reminder_stops_ticking_and_is_gone_from_the_table()
    {
        await using var silo = await StartAsync();
        var key = Gates.New();
        var grain = silo.Grains.GetGrain<IReminderGrain>(key);
        await grain.Register("a", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await grain.Register("b", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Assert.Equal(["a", "b"], (await grain.Names()).Order());

        await grain.Unregister("a");
        _time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.True(() => ReminderGrain.Of(key).Length >= 3, "three ticks of b");

        Assert.All(ReminderGrain.Of(key), t => Assert.Equal("b", t.Name));
        Assert.Equal(["b"], await grain.Names());
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_refused_with_the_setting_named()
    {
        await using var silo = await StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            silo.Grains.GetGrain<IReminderGrain>(Gates.New()).Register("r", TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.Contains("ReminderOptions.MinimumPeriod", error.Message);
    }

    [Fact]
    public async Task A_grain_that_is_not_remindable_cannot_register_reminders()
    {
        await using var silo = await StartAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grains.GetGrain<INotRemindableGrain>(Gates.New()).Register());
        Assert.Contains("must implement IRemindable", error.Message);
    }

    [Fact]
    public async Task Ticks_missed_while_no_silo_ran_are_delivered_as_one_catch_up_tick()
    {
        var key = Gates.New();
        var table = new MemoryReminderTable();
        var grainId = new GrainId("ReminderGrain", key);
        // Started 60 minutes ago with a 10-minute period; the tick due 40 minutes ago was the last delivered.
        await table.UpsertAsync(new ReminderEntry(grainId, "r", s_epoch.AddMinutes(-60), TimeSpan.FromMinutes(10), s_epoch.AddMinutes(-40), null), default);

        await using var silo = await StartAsync(table);
        await Eventually.True(() => ReminderGrain.Of(key).Length == 1, "the catch-up tick");
        var catchUp = ReminderGrain.Of(key)[0].Status;
        Assert.Equal(s_epoch, catchUp.CurrentTickTime);
        Assert.Equal(3, catchUp.MissedTicks); // due at -30, -20 and -10; the catch-up tick stands for the one due now
        Assert.Equal(s_epoch, (await table.ReadAsync(grainId, "r", default))!.LastTickAt);

        _time.Advance(TimeSpan.FromMinutes(10));
        await Eventually.True(() => ReminderGrain.Of(key).Length == 2, "the next regular tick");
        Assert.Equal(s_epoch.AddMinutes(10), ReminderGrain.Of(key)[1].Status.CurrentTickTime);
        Assert.Equal(0, ReminderGrain.Of(key)[1].Status.MissedTicks);
    }

    [Fact]
    public async Task A_reminder_whose_last_tick_was_delivered_is_not_ticked_again_at_start()
    {
        var key = Gates.New();
        var table = new MemoryReminderTable();
        var grainId = new GrainId("ReminderGrain", key);
        await table.UpsertAsync(new ReminderEntry(grainId, "r", s_epoch.AddMinutes(-60), TimeSpan.FromMinutes(10), s_epoch, null), default);

        await using var silo = await StartAsync(table);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(ReminderGrain.Of(key));
        _time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.True(() => ReminderGrain.Of(key).Length == 1, "the next regular tick");
        Assert.Equal(0, ReminderGrain.Of(key)[0].Status.MissedTicks);
    }
}

public interface INotRemindableGrain : IGrainWithStringKey
{
    Task Register();
}

public sealed class NotRemindableGrain : Grain, INotRemindableGrain
{
    public Task Register() => RegisterOrUpdateReminder("r", TimeSpan.Zero, TimeSpan.FromHours(1));
}
