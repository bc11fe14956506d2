using Microsoft.AspNetCore.Hosting.Server;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>Adds the gateway's MCP server (ModelContextProtocol.AspNetCore): Streamable HTTP on <c>/mcp</c>
/// (<see cref="McpEndpoints"/>) or, with <c>--mcp-stdio</c>, the package's stdio transport instead of HTTP.</summary>
internal static class McpHostingExtensions
{
    public const string ServerName = "rayswarm";

    public static WebApplicationBuilder AddMcp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = McpOptions.From(builder.Configuration);
        services.AddSingleton(options);
        services.AddSingleton<McpSessions>();
        services.AddSingleton<DomainTools>();
        services.AddSingleton<McpToolCatalog>();
        var mcp = services.AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = ServerName, Title = "Rayswarm cluster", Version = typeof(McpHostingExtensions).Assembly.GetName().Version?.ToString() ?? "0.0.0" };
                o.ServerInstructions = "Tools of a Rayswarm cluster: discover and register domains (register_domain, list_domains, "
                    + "find_domains_by_capability, capability_map), check the system (system_health), and run hosted domains' "
                    + "actions (tools named <domain>_<action>). Results are JSON with snake_case fields.";
                o.Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } };
            })
            .WithTools<RegistryTools>(McpJson.Options)
            .WithTools<EventTools>(McpJson.Options)
            .WithTools<MemoryTools>(McpJson.Options)
            .WithTools<WorkflowTools>(McpJson.Options)
            .WithTools<ReviewTools>(McpJson.Options)
            .WithTools<SystemTools>(McpJson.Options)
            .WithTools<SwarmTools>(McpJson.Options)
            .WithRequestFilters(filters => filters
                .AddListToolsFilter(McpToolFilters.ListTools)
                .AddCallToolFilter(McpToolFilters.CallTool))
            .WithHttpTransport(http =>
            {
                // 2025-11-25 clients (initialize) get sessions; 2026-07-28 clients are served statelessly, on one endpoint.
                http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9006 // Stateful HTTP options are marked obsolete since 2026-07-28 has no sessions; ours still serves 2025-11-25.
                http.IdleTimeout = options.SessionIdleTimeout;
#pragma warning restore MCP9006
#pragma warning disable MCPEXP002 // The package's hook around a session's run: McpSessionGuard needs to know which sessions are alive.
                http.RunSessionHandler = (context, server, cancellationToken) =>
                    context.RequestServices.GetRequiredService<McpSessions>().RunAsync(server.SessionId, () => server.RunAsync(cancellationToken));
#pragma warning restore MCPEXP002
            });
        // Every server (a session, a stateless request, stdio) gets the one catalog as its tool collection.
        services.AddOptions<McpServerOptions>().PostConfigure<McpToolCatalog>((o, catalog) => o.ToolCollection = catalog);
        services.AddHostedService<McpToolListPoller>();

        if (McpStdio.IsRequested(builder.Configuration))
        {
            // stdout carries the protocol and nothing else: every log line goes to stderr, and no HTTP server starts.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            services.AddSingleton<IServer, McpStdio.NoHttpServer>();
            mcp.WithStdioServerTransport(); // the package stops the application when the client closes stdin
        }
        return builder;
    }
}
