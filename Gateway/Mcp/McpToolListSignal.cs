using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>An always-empty tool collection given to every MCP server so the SDK's own list-changed plumbing sends
/// <c>notifications/tools/list_changed</c> to each connected session when <see cref="Signal"/> is called (the tools
/// themselves are listed per request by <see cref="McpToolbox"/>).</summary>
internal sealed class McpToolListSignal : McpServerPrimitiveCollection<McpServerTool>
{
    public void Signal() => RaiseChanged();
}
