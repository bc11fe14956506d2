using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// One silo's part in the membership protocol: it joins the table, writes its I-am-alive time, re-reads the table to
/// learn changes, probes a few peers and votes unresponsive ones Dead (declaring them Dead once the votes suffice), and
/// notices when the cluster declared it Dead.
/// </summary>
/// <remarks>
/// <see cref="Changed"/> handlers run one at a time, in increasing version order, on a thread-pool thread of their
/// own (never inside the protocol's loops or locks), so <see cref="Current"/> may already be newer than the snapshot a
/// handler receives. <see cref="OnDeclaredDead"/> runs once, after the change event that showed this silo Dead.
/// </remarks>
public sealed partial class MembershipService : IAsyncDisposable
{
    // A write that keeps losing the compare-and-swap gives up and is retried by the next round.
    private const int MaxWriteAttempts = 50;

    private readonly IMembershipTable _table;
    private readonly ISiloProber _prober;
    private readonly MembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _loops = [];
    private readonly Channel<MembershipSnapshot> _changes = Channel.CreateUnbounded<MembershipSnapshot>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _notifier;
    private MembershipView _view = new(new MembershipSnapshot(-1, []));
    private long _insertedVersion;
    private int _joinStarted;
    private int _selfDead;
    private int _disposed;
    private volatile bool _leaving;

    /// <summary>Creates the service for one silo; nothing happens until <see cref="JoinAsync"/>.</summary>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public MembershipService(
        SiloAddress silo, string name, IMembershipTable table, ISiloProber prober, MembershipOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(prober);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = MembershipOptionsValidator.FindProblems(options);
        if (problems.Count > 0) { throw new OptionsValidationException(Options.DefaultName, typeof(MembershipOptions), problems); }

        Silo = silo;
        Name = name;
        _table = table;
        _prober = prober;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _notifier = Task.Run(NotifyAsync);
    }

    /// <summary>Raised, with the new snapshot, whenever the table's version changed (see the remarks on threading).</summary>
    public event EventHandler<MembershipChange>? Changed;

    /// <summary>
    /// Called once when the table shows this silo Dead although it did not leave: the silo must stop. Probing and the
    /// other loops have stopped by then. Runs on a thread-pool thread; the service does not wait for it.
    /// </summary>
    public Func<Task>? OnDeclaredDead { get; set; }

    /// <summary>This silo.</summary>
    public SiloAddress Silo { get; }

    /// <summary>This silo's human name, written to its row.</summary>
    public string Name { get; }

    /// <summary>The latest snapshot of the table this silo has seen (version -1 before the first read).</summary>
    public MembershipSnapshot Current => Volatile.Read(ref _view).Snapshot;

    /// <summary>The Active silos of <see cref="Current"/>, this one included once it is Active.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos => Volatile.Read(ref _view).Active;

    /// <summary>True once the table showed this silo Dead without it leaving.</summary>
    public bool IsDeclaredDead => Volatile.Read(ref _selfDead) != 0;

    /// <summary>
    /// Whether <paramref name="silo"/> is Dead in <see cref="Current"/>: its row is Dead, or a later generation on the same
    /// host and port has a row. A silo the table does not know (not seen yet, or its Dead row was cleaned up) is not Dead.
    /// </summary>
    public bool IsDead(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return Volatile.Read(ref _view).IsDead(silo);
    }

    /// <summary>Sets this silo's status to ShuttingDown (no new work is placed on it); it goes on probing and being probed.</summary>
    /// <remarks>Refused (logged, not thrown) if the row is already Dead.</remarks>
    public async Task ShutDownAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await TrySetOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
    }

    /// <summary>Sets this silo's status to Dead (leaving for good) and stops the loops. <see cref="OnDeclaredDead"/> is not called.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _leaving = true;
        await StopLoopsAsync();
        if (await TrySetOwnStatusAsync(SiloStatus.Dead, cancellationToken)) { MembershipLog.Left(_logger, Silo); }
    }

    /// <summary>Stops the loops without writing to the table (a crash looks the same to the peers).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) { return; }
        await StopLoopsAsync();
        // Changes already queued are still delivered; the notifier is not awaited, so a handler may dispose the service.
        _changes.Writer.TryComplete();
    }

    private async Task StopLoopsAsync()
    {
        await _stopping.CancelAsync();
        Task[] loops;
        lock (_gate) { loops = [.. _loops]; }
        await Task.WhenAll(loops);
    }

    private void StartLoop(Func<CancellationToken, Task> loop)
    {
        var token = _stopping.Token;
        var task = Task.Run(async () =>
        {
            try
            {
                await loop(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopped.
            }
        }, CancellationToken.None);
        lock (_gate) { _loops.Add(task); }
    }
}
