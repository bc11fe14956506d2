using Microsoft.AspNetCore.Hosting.Server;

namespace Rayswarm.Gateway;

/// <summary>Adds the MCP server to the gateway: the <c>/mcp</c> endpoint's services, or, with <c>--mcp-stdio</c>, the
/// stdio transport instead of HTTP.</summary>
internal static class McpHostingExtensions
{
    public static WebApplicationBuilder AddMcp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(McpOptions.From(builder.Configuration));
        services.AddSingleton<McpToolbox>();
        services.AddSingleton<DomainTools>();
        services.AddSingleton<GatewayMcpServer>();
        services.AddSingleton<McpSessions>();
        services.AddSingleton<McpHttpHandler>();
        services.AddSingleton<McpOriginFilter>();
        services.AddHostedService<McpSessionSweeper>();
        services.AddHostedService<McpToolListPoller>();

        if (McpStdio.IsRequested(builder.Configuration))
        {
            // stdout carries the protocol and nothing else: every log line goes to stderr, and no HTTP server starts.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            services.AddSingleton<IServer, McpStdio.NoHttpServer>();
            services.AddHostedService<McpStdio>();
        }
        return builder;
    }
}
