using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Delivers durable reminders. Rows live in the <see cref="IReminderTable"/>; this silo keeps a timer for each
/// reminder it owns (all of them in a single silo). A tick calls <see cref="IRemindable.ReceiveReminder"/> on the
/// grain (activating it), then records the tick in the table; catch-up follows <see cref="ReminderSchedule"/>.
/// </summary>
internal sealed class ReminderService(SiloRuntime runtime, IReminderTable table, IOptions<ReminderOptions> options)
{
    private readonly ConcurrentDictionary<(GrainId, string), ScheduledReminder> _scheduled = new();
    private readonly TimeSpan _minimumPeriod = options.Value.MinimumPeriod;
    private volatile bool _stopped;

    private TimeProvider Time => runtime.TimeProvider;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Reminders = this;
        await table.InitializeAsync(cancellationToken);
        foreach (var entry in await table.ReadRangeAsync(0, uint.MaxValue, cancellationToken)) { Schedule(entry, catchUp: true); }
    }

    public Task StopAsync()
    {
        _stopped = true;
        foreach (var scheduled in _scheduled.Values) { scheduled.Dispose(); }
        _scheduled.Clear();
        return Task.CompletedTask;
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(Activation activation, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (activation.Grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain class {activation.Class.Metadata.ClassType.Name} must implement IRemindable to register reminders.");
        }
        if (period < _minimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder period {period} is below ReminderOptions.MinimumPeriod ({_minimumPeriod}). Use a grain timer for short periods.");
        }
        if (dueTime < TimeSpan.Zero) { throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Reminder due time must not be negative."); }
        var entry = new ReminderEntry(activation.GrainId, name, runtime.TimeProvider.GetUtcNow() + dueTime, period, null, null);
        var etag = await table.UpsertAsync(entry, CancellationToken.None);
        entry = entry with { ETag = etag };
        Schedule(entry, catchUp: false);
        return entry;
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (_scheduled.TryRemove((grainId, reminder.ReminderName), out var scheduled)) { scheduled.Dispose(); }
        await table.RemoveAsync(grainId, reminder.ReminderName, null, CancellationToken.None);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name) => await table.ReadAsync(grainId, name, CancellationToken.None);

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId) => await table.ReadAsync(grainId, CancellationToken.None);

    private void Schedule(ReminderEntry entry, bool catchUp)
    {
        if (_stopped) { return; }
        var scheduled = new ScheduledReminder(this, entry);
        if (_scheduled.TryGetValue((entry.GrainId, entry.Name), out var previous)) { previous.Dispose(); }
        _scheduled[(entry.GrainId, entry.Name)] = scheduled;
        var now = runtime.TimeProvider.GetUtcNow();
        if (catchUp && ReminderSchedule.CatchUp(entry, now) is { } missed) { scheduled.Arm(missed.Due, missed.Missed, now); }
        else
        {
            // A tick due exactly now is due, unless it was already delivered.
            var after = now - TimeSpan.FromTicks(1);
            if (entry.LastTickAt is { } last && last > after) { after = last; }
            scheduled.Arm(ReminderSchedule.NextDueAfter(entry, after), 0, now);
        }
    }

    private async Task TickAsync(ScheduledReminder scheduled, DateTimeOffset due, long missed)
    {
        var entry = scheduled.Entry;
        try
        {
            var grain = (IRemindable)runtime.GetReference(entry.GrainId, typeof(IRemindable));
            await grain.ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, due, missed));
            if (!await table.RecordTickAsync(entry.GrainId, entry.Name, due, CancellationToken.None))
            {
                _scheduled.TryRemove(new KeyValuePair<(GrainId, string), ScheduledReminder>((entry.GrainId, entry.Name), scheduled));
                scheduled.Dispose();
                return;
            }
        }
        catch (Exception e)
        {
            runtime.Log.ReminderFailed(e, entry.Name, entry.GrainId);
        }
        if (!_stopped && !scheduled.IsDisposed)
        {
            // If later ticks fell due while this one was delivered, the same catch-up policy applies: one tick now.
            var now = runtime.TimeProvider.GetUtcNow();
            if (ReminderSchedule.CatchUp(entry with { LastTickAt = due }, now) is { } late) { scheduled.Arm(late.Due, late.Missed, now); }
            else { scheduled.Arm(ReminderSchedule.NextDueAfter(entry, due), 0, now); }
        }
    }

    /// <summary>The local timer of one reminder.</summary>
    private sealed class ScheduledReminder : IDisposable
    {
        private readonly ReminderService _service;
        private readonly ITimer _timer;
        private DateTimeOffset _due;
        private long _missed;

        public ScheduledReminder(ReminderService service, ReminderEntry entry)
        {
            _service = service;
            Entry = entry;
            _timer = service.Time.CreateTimer(static s => ((ScheduledReminder)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public ReminderEntry Entry { get; }

        public bool IsDisposed { get; private set; }

        public void Arm(DateTimeOffset due, long missed, DateTimeOffset now)
        {
            _due = due;
            _missed = missed;
            var delay = due - now;
            try { _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan); }
            catch (ObjectDisposedException) { /* unregistered concurrently */ }
        }

        private void Fire()
        {
            if (!IsDisposed) { _ = _service.TickAsync(this, _due, _missed); }
        }

        public void Dispose()
        {
            IsDisposed = true;
            _timer.Dispose();
        }
    }
}
