namespace Rayswarm.Gateway;

/// <summary>Ends stateful MCP sessions that clients left without a DELETE.</summary>
internal sealed class McpSessionSweeper(McpSessions sessions, McpOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, options.SessionIdleTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await sessions.EndIdleAsync(options.SessionIdleTimeout);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
