using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>Creates the MCP server of the gateway over any transport (a Streamable HTTP session, one stateless request, stdio).</summary>
internal sealed class GatewayMcpServer(McpToolbox toolbox, ILoggerFactory loggerFactory, IServiceProvider services)
{
    public const string Name = "rayswarm";

    public McpServer Create(ITransport transport) => McpServer.Create(transport, Options(), loggerFactory, services);

    private McpServerOptions Options() => new()
    {
        ServerInfo = new Implementation { Name = Name, Title = "Rayswarm cluster", Version = typeof(GatewayMcpServer).Assembly.GetName().Version?.ToString() ?? "0.0.0" },
        ServerInstructions = "Tools of a Rayswarm cluster: discover and register domains (register_domain, list_domains, "
            + "find_domains_by_capability, capability_map), check the system (system_health), and run hosted domains' "
            + "actions (tools named <domain>_<action>). Results are JSON with snake_case fields.",
        Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } },
        ToolCollection = toolbox.Changes,
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = toolbox.ListAsync,
            CallToolHandler = toolbox.CallAsync,
        },
    };
}
