using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Net;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Makes the silo a cluster member. Start (before the silo's own services): listen, join the membership, route.
/// Stop: announce ShuttingDown first (no new activations placed here), let the silo deactivate its grains (their
/// calls go elsewhere), then leave (Dead) and close the connections.
/// </summary>
internal sealed class ClusterHostedService(
    IServiceProvider services,
    SiloRuntime runtime,
    ReminderService reminders,
    IOptions<ClusterOptions> cluster,
    IOptions<EndpointOptions> endpoint,
    IOptions<MembershipOptions> membershipOptions,
    IOptions<ReminderOptions> reminderOptions,
    IHostApplicationLifetime lifetime,
    LocalSiloDetails details,
    ILoggerFactory loggers) : IHostedLifecycleService, IAsyncDisposable
{
    private ConnectionListener? _listener;
    private ConnectionManager? _connections;
    private MembershipService? _membership;
    private ClusterRouter? _router;

    /// <summary>This silo's address, once started.</summary>
    public SiloAddress? Silo { get; private set; }

    public MembershipService? Membership => _membership;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = ConnectionSettings.From(cluster.Value);
        var logger = loggers.CreateLogger("Rayswarm.Cluster");
        var transport = new ConnectionTransport();
        var codec = new MessageCodec(runtime.Registry, runtime);
        var ip = IPAddress.Parse(endpoint.Value.AdvertisedHost);
        _listener = new ConnectionListener(new IPEndPoint(ip, endpoint.Value.Port), settings, codec, transport, OnAccepted, logger);
        Silo = new SiloAddress(endpoint.Value.AdvertisedHost, _listener.EndPoint.Port, SiloAddress.NewGeneration());
        details.Silo = Silo;
        _connections = new ConnectionManager(Silo, settings, codec, transport, logger, runtime.TimeProvider);
        transport.Connections = _connections;

        var table = services.GetRequiredService<IMembershipTable>();
        var directory = services.GetRequiredService<IGrainDirectory>();
        await table.InitializeAsync(cancellationToken);
        await directory.InitializeAsync(cancellationToken);
        var prober = new RouterProber();
        _membership = new MembershipService(Silo, details.Name, table, prober, membershipOptions.Value, runtime.TimeProvider, logger);
        _router = new ClusterRouter(runtime, new MembershipClusterView(_membership), directory, transport, codec);
        prober.Router = _router;
        transport.Router = _router;
        runtime.Router = _router;
        _connections.IsDead = _membership.IsDead;
        _listener.Admit = _connections.RefusalReason;
        _listener.Start(Silo);

        _membership.Changed += OnMembershipChanged;
        _membership.OnDeclaredDead = () =>
        {
            logger.LogCritical("Silo {Silo} was declared dead by the cluster; stopping.", Silo);
            lifetime.StopApplication();
            return Task.CompletedTask;
        };
        await _membership.JoinAsync(cancellationToken);
        reminders.OwnedRanges = ReminderRing.OwnedRanges(Silo, [.. _membership.ActiveSilos]);
        if (services.GetService<StreamsService>() is { } streams) { await streams.SetOwnedRangesAsync(reminders.OwnedRanges); }
        reminders.StartPeriodicRefresh(reminderOptions.Value.RefreshPeriod);
        logger.LogInformation("Silo {Silo} joined cluster {ClusterId}", Silo, cluster.Value.ClusterId);
    }

    /// <summary>Silo connections join the peer table; client connections live until they close (the listener closes them on stop).</summary>
    private void OnAccepted(Connection connection)
    {
        if (!connection.IsClient) { _connections?.AddInbound(connection); }
    }

    private void OnMembershipChanged(object? sender, MembershipChange change)
    {
        _ = HandleChangeAsync(change);
    }

    private async Task HandleChangeAsync(MembershipChange change)
    {
        foreach (var dead in change.NewlyDead)
        {
            _connections?.Disconnect(dead);
            if (_router is not null) { await _router.OnSiloDeadAsync(dead); }
        }
        if (Silo is not null && _membership is not null)
        {
            var ranges = ReminderRing.OwnedRanges(Silo, [.. _membership.ActiveSilos]);
            await reminders.SetOwnedRangesAsync(ranges);
            if (services.GetService<StreamsService>() is { } streams) { await streams.SetOwnedRangesAsync(ranges); }
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_membership is { IsDeclaredDead: false }) { await _membership.ShutDownAsync(cancellationToken); }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_membership is { IsDeclaredDead: false })
        {
            await _membership.LeaveAsync(cancellationToken);
            // Peers and clients learn from the table that this silo left; until they do, keep refusing their calls
            // (they retry elsewhere), then close every connection in order so nothing in flight is cut.
            var quiet = membershipOptions.Value.TableRefreshPeriod * 2;
            await _router!.WaitQuietAsync(quiet > TimeSpan.FromSeconds(3) ? quiet : TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
            try
            {
                await Task.WhenAll(_connections!.DrainAllAsync(TimeSpan.FromSeconds(5)), _listener!.DrainAllAsync(TimeSpan.FromSeconds(5)));
            }
            catch (TimeoutException)
            {
                // Peers that do not finish their side in time are closed below.
            }
        }
        await DisposeAsync();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_membership is not null) { await _membership.DisposeAsync(); }
        if (_listener is not null) { await _listener.DisposeAsync(); }
        if (_connections is not null) { await _connections.DisposeAsync(); }
    }
}
