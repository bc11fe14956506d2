using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Rayswarm.Gateway;

/// <summary>
/// <c>--mcp-stdio</c>: the gateway's MCP server over stdin/stdout (the package's stdio transport) for local agents, with
/// the embedded silo (or a cluster client) and without Kestrel.
/// </summary>
internal static class McpStdio
{
    /// <summary>The command-line switch.</summary>
    public const string Switch = "--mcp-stdio";

    private const string Key = "mcp-stdio";

    /// <summary>Rewrites the bare switch as <c>--mcp-stdio=true</c>: the command-line configuration would otherwise take
    /// the next argument as its value.</summary>
    public static string[] NormalizeSwitch(string[] args) => [.. args.Select(a => a == Switch ? Switch + "=true" : a)];

    public static bool IsRequested(IConfiguration configuration) =>
        bool.TryParse(configuration[Key], out var requested) && requested;

    /// <summary>Stands in for Kestrel in stdio mode: the host runs (silo, services) but listens on no port.</summary>
    internal sealed class NoHttpServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
