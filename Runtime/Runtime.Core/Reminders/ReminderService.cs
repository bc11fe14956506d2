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

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private IReadOnlyList<(uint Begin, uint End)> _owned = [(0u, uint.MaxValue)];

    /// <summary>The grain-hash ranges whose reminders this silo runs (all of them in a single silo).</summary>
    public IReadOnlyList<(uint Begin, uint End)> OwnedRanges
    {
        get => _owned;
        set => _owned = value;
    }
    private ITimer? _refreshTimer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Reminders = this;
        await table.InitializeAsync(cancellationToken);
        await RefreshAsync();
    }

    /// <summary>
    /// Cluster: this silo now owns <paramref name="ranges"/> of the grain-hash space. Reminders outside them stop
    /// here (their new owner starts them); reminders inside them are loaded, with catch-up for missed ticks.
    /// </summary>
    public Task SetOwnedRangesAsync(IReadOnlyList<(uint Begin, uint End)> ranges)
    {
        _owned = ranges;
        return RefreshAsync();
    }

    /// <summary>Cluster: re-reads the owned rows every <paramref name="period"/>, to pick up reminders registered on other silos.</summary>
    public void StartPeriodicRefresh(TimeSpan period) =>
        _refreshTimer = Time.CreateTimer(static s => _ = ((ReminderService)s!).RefreshAsync(), this, period, period);

    /// <summary>Makes the local timers match the owned rows of the table.</summary>
    public async Task RefreshAsync()
    {
        if (_stopped) { return; }
        await _refreshGate.WaitAsync();
        try
        {
            var owned = _owned;
            var rows = new Dictionary<(GrainId, string), ReminderEntry>();
            foreach (var (begin, end) in owned)
            {
                foreach (var row in await table.ReadRangeAsync(begin, end, CancellationToken.None)) { rows[(row.GrainId, row.Name)] = row; }
            }
            foreach (var (key, scheduled) in _scheduled)
            {
                if (!rows.TryGetValue(key, out var row) || row.ETag != scheduled.Entry.ETag)
                {
                    if (_scheduled.TryRemove(new KeyValuePair<(GrainId, string), ScheduledReminder>(key, scheduled))) { scheduled.Dispose(); }
                }
            }
            foreach (var (key, row) in rows)
            {
                if (!_scheduled.ContainsKey(key)) { Schedule(row, catchUp: true); }
            }
        }
        catch (Exception e)
        {
            runtime.Log.ReminderRefreshFailed(e);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public Task StopAsync()
    {
        _stopped = true;
        _refreshTimer?.Dispose();
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
        // Only the owner of the grain's hash range runs the timer; another owner picks the row up when it refreshes.
        if (ReminderRing.Contains(_owned, entry.GrainHash)) { Schedule(entry, catchUp: false); }
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
