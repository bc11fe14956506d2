using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Gateway;

/// <summary>
/// Makes every connected stateful MCP session (and a stdio client) send <c>notifications/tools/list_changed</c> when the
/// domain tools change: every <see cref="Period"/> it reads the hosted domains' tools again (<see cref="DomainTools"/>)
/// and compares a signature of them (names, descriptions, input schemas) with the last one. So a hosted domain that
/// registers (a silo with a new domain module starts), unregisters or becomes unhealthy (every silo hosting it is gone)
/// is noticed within a period plus the registry's own delays. It is a plain loop in the gateway process, so it works
/// the same in embedded and cluster mode (the gateway hosts no grains in cluster mode), and it costs a read of the 16
/// registry index partitions plus one <c>DescribeActions</c> per hosted domain each period.
/// </summary>
internal sealed partial class McpToolListPoller(DomainTools domains, McpToolbox toolbox, TimeProvider time, ILogger<McpToolListPoller> logger)
    : BackgroundService
{
    /// <summary>How often the domain tools are compared.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private string? _signature;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Compares the current domain tools with the last ones; signals a change (not for the first reading).</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var signature = SignatureOf(await domains.RefreshAsync(cancellationToken));
            _failing = false;
            if (_signature is not null && _signature != signature)
            {
                LogChanged(logger);
                toolbox.Changes.Signal();
            }
            _signature = signature;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The cluster may be starting or briefly unreachable: keep the last signature and try again next period.
            if (!_failing) { LogPollFailed(logger, e); }
            _failing = true;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string SignatureOf(IReadOnlyList<DomainTools.Action> actions)
    {
        var text = new StringBuilder();
        foreach (var tool in actions.Select(a => a.Tool).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append(tool.Name).Append('\n').Append(tool.Description).Append('\n').Append(tool.InputSchema.GetRawText()).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The hosted domains' MCP tools changed; sending tools/list_changed")]
    private static partial void LogChanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the hosted domains' MCP tools yet; tools/list_changed waits")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
