namespace Rayswarm.Gateway;

/// <summary>
/// Reads the hosted domains' tools into the catalog every <see cref="Period"/> (<see cref="DomainTools"/>), so a hosted
/// domain that registers (a silo with a new domain module starts), unregisters or becomes unhealthy (every silo hosting
/// it is gone) changes the tool list within a period plus the registry's own delays, and the package tells every
/// connected session (<c>notifications/tools/list_changed</c>). It is a plain loop in the gateway process, so it works
/// the same in embedded and cluster mode (the gateway hosts no grains in cluster mode), and it costs a read of the 16
/// registry index partitions plus one <c>DescribeActions</c> per hosted domain each period.
/// </summary>
internal sealed partial class McpToolListPoller(DomainTools domains, TimeProvider time, ILogger<McpToolListPoller> logger) : BackgroundService
{
    /// <summary>How often the domain tools are read.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private bool _failing;

    /// <summary>How long the gateway's start waits for the first reading (a cluster that cannot answer yet must not hold
    /// the gateway back; the fixed tools work regardless).</summary>
    public static readonly TimeSpan FirstReadingTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The first reading is part of the gateway's start, before it serves HTTP or stdio (hosted services start in
    /// order; the silo or cluster client first): no client sees the list change from the fixed tools to all of them.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(FirstReadingTimeout, time);
        using var first = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await domains.RefreshAsync(first.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogPollFailed(logger, e);
            _failing = true;
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PollAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            await domains.RefreshAsync(cancellationToken);
            _failing = false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The cluster may be starting or briefly unreachable: keep the last tools and try again next period.
            if (!_failing) { LogPollFailed(logger, e); }
            _failing = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the hosted domains' MCP tools yet; tools/list_changed waits")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
