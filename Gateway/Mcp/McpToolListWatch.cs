using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Gateway;

/// <summary>
/// Hears the registry announce <c>domain.registered</c> / <c>domain.unregistered</c> on the event bus and makes every
/// connected stateful MCP session send <c>notifications/tools/list_changed</c>. A grain in this silo receives the
/// events (streams deliver to grains) and raises the change on this process's <see cref="McpToolbox"/>.
/// </summary>
public interface IMcpToolListWatcherGrain : IGrainWithStringKey, IStreamConsumer
{
    /// <summary>Subscribes the watcher to the registry's events (durable and idempotent).</summary>
    Task Watch();
}

/// <inheritdoc cref="IMcpToolListWatcherGrain" />
public sealed class McpToolListWatcherGrain : Grain, IMcpToolListWatcherGrain
{
    public async Task Watch()
    {
        var streams = this.GetStreamProvider();
        await streams.SubscribeAsync(RegistryEvents.Namespace, RegistryEvents.Registered, GrainId);
        await streams.SubscribeAsync(RegistryEvents.Namespace, RegistryEvents.Unregistered, GrainId);
    }

    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        (GrainContext.Services.GetService(typeof(McpToolbox)) as McpToolbox)?.Changes.Signal();
        return Task.CompletedTask;
    }
}

/// <summary>Starts the watcher once the silo runs. Embedded mode only: the watcher grain lives in this process's silo. A
/// gateway in cluster mode hosts no grains (the silos do not know the watcher), and its tool list cannot change while it
/// runs anyway: domain tools come from the hosted domains, which are fixed per build (<see cref="DomainTools"/>).</summary>
internal sealed partial class McpToolListWatch(IGrainFactory grains, GatewayOptions options, ILogger<McpToolListWatch> logger) : BackgroundService
{
    public const string WatcherKey = "mcp";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.IsClusterMode)
        {
            LogClusterMode(logger);
            return;
        }
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IMcpToolListWatcherGrain>(WatcherKey).Watch().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogWatchFailed(logger, attempt, e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster mode: MCP sends no tools/list_changed on registrations (the tool list is fixed while the gateway runs)")]
    private static partial void LogClusterMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP cannot watch the registry yet (attempt {Attempt}); tools/list_changed waits")]
    private static partial void LogWatchFailed(ILogger logger, int attempt, Exception exception);
}
