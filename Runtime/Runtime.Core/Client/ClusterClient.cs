using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Reaches grains in a cluster from outside it (the gateway). It learns the silos from the membership table,
/// connects to them as a client, and sends each call to the silo that hosts the grain when it knows it (learned
/// from responses), else to a silo chosen by the grain's hash, which routes it. Calls to one grain use one silo
/// while any is in flight, so they arrive in order. A broken connection fails its calls and the next call goes
/// to another silo.
/// </summary>
public sealed partial class ClusterClient : IGrainFactory, IGrainCallRuntime, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly ClientOptions _options;
    private readonly ConnectionManager _connections;
    private readonly MessageCodec _codec;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, IPendingCall> _pending = new();
    private readonly ConcurrentDictionary<GrainId, Route> _routes = new();
    /// <summary>Silos to avoid until the given time: they refused a call (shutting down) or could not be reached.</summary>
    private readonly ConcurrentDictionary<SiloAddress, DateTimeOffset> _avoid = new();
    private volatile SiloAddress[] _gateways = [];
    private ITimer? _refresh;
    private long _nextId;

    /// <summary>Creates a client of the cluster whose membership is in <paramref name="table"/>.</summary>
    public ClusterClient(IMembershipTable table, ClusterOptions cluster, ClientOptions options, GrainCodeRegistry registry, TimeProvider time, ILogger<ClusterClient> logger)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        _table = table;
        _options = options;
        Registry = registry;
        Time = time;
        _logger = logger;
        _codec = new MessageCodec(registry, this);
        _connections = new ConnectionManager(null, ConnectionSettings.From(cluster), _codec, new Handler(this), logger, time);
    }

    internal GrainCodeRegistry Registry { get; }

    internal TimeProvider Time { get; }

    /// <summary>The silos the client currently knows as active.</summary>
    public IReadOnlyList<SiloAddress> Gateways => _gateways;

    /// <summary>Reads the membership and connects to a first silo; throws if none answers within <see cref="ClientOptions.ConnectTimeout"/>.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var deadline = Time.GetUtcNow() + _options.ConnectTimeout;
        Exception? last = null;
        while (Time.GetUtcNow() < deadline)
        {
            await RefreshGatewaysAsync(cancellationToken);
            foreach (var silo in _gateways)
            {
                try
                {
                    await _connections.GetConnectionAsync(silo, cancellationToken);
                    _refresh = Time.CreateTimer(static s => _ = ((ClusterClient)s!).RefreshGatewaysAsync(CancellationToken.None), this,
                        _options.GatewayRefreshPeriod, _options.GatewayRefreshPeriod);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException) { last = e; }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), Time, cancellationToken);
        }
        throw new SiloUnavailableException($"No silo of the cluster answered within {_options.ConnectTimeout}{(last is null ? " (the membership table lists no active silo)" : ": " + last.Message)}.");
    }

    private async Task RefreshGatewaysAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _table.ReadAllAsync(cancellationToken);
            var active = snapshot.Entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
            var gone = _gateways.Except(active).ToArray();
            _gateways = active;
            foreach (var silo in _avoid.Keys.Except(active)) { _avoid.TryRemove(silo, out _); }
            foreach (var silo in gone.Where(s => snapshot.Find(s) is null or { Status: SiloStatus.Dead }))
            {
                _connections.Disconnect(silo);
                OnSiloLost(silo, new SiloUnavailableException($"Silo {silo} left the cluster; the call may or may not have run."));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, e);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Reading the cluster membership failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _refresh?.Dispose();
        await _connections.DisposeAsync();
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _)) { pending.OnTargetLost(new SiloUnavailableException("The cluster client was disposed.")); }
        }
    }

    private sealed class Route
    {
        public required SiloAddress Silo;
        public int InFlight;
    }
}
