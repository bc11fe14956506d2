using System.ComponentModel;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The system's view of itself as MCP tools.</summary>
[McpServerToolType]
public sealed class SystemTools(IGrainFactory grains)
{
    private static readonly TimeSpan s_healthTimeout = TimeSpan.FromSeconds(5);

    [McpServerTool(Name = "system_overview", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The whole system at a glance: registered domains and their health, hosted domains, the event flow, the shared knowledge, workflows by status and the running ones.")]
    [McpScope(McpScopes.Read)]
    public Task<SystemOverview> GetSystemOverview() => grains.GetGrain<ISystemOverviewGrain>(ISystemOverviewGrain.Key).GetOverview();

    [McpServerTool(Name = "system_health", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Checks whether the cluster can serve (grain calls, durable storage) and reports each check; status is \"healthy\" or \"unhealthy\".")]
    [McpScope(McpScopes.Read)]
    public async Task<HealthReport> SystemHealth(CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<ISystemGrain>(ISystemGrain.Key).CheckHealth().WaitAsync(s_healthTimeout, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Like GET /domains/system/health: not being able to serve is a diagnosis, not a failure of the tool.
            return new HealthReport("unhealthy", [new HealthCheck("silo", false, e.Message)], DateTimeOffset.UtcNow);
        }
    }
}
