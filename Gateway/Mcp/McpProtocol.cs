namespace Rayswarm.Gateway;

/// <summary>Header names and protocol revisions of Streamable HTTP as the gateway serves them.</summary>
internal static class McpProtocol
{
    public const string SessionIdHeader = "Mcp-Session-Id";
    public const string ProtocolVersionHeader = "MCP-Protocol-Version";
    public const string MethodHeader = "Mcp-Method";
    public const string NameHeader = "Mcp-Name";

    /// <summary>The stateless revision: every request is a POST carrying its own metadata; no sessions, no GET stream.</summary>
    public const string Stateless = "2026-07-28";

    /// <summary>The newest revision with sessions (initialize handshake, <c>Mcp-Session-Id</c>, GET stream, DELETE).</summary>
    public const string Stateful = "2025-11-25";

    /// <summary>Revisions served with sessions. A request without the version header is taken as 2025-03-26, as that revision allows.</summary>
    public static readonly string[] SessionRevisions = ["2024-11-05", "2025-03-26", "2025-06-18", Stateful];

    /// <summary>Every revision served.</summary>
    public static readonly string[] Supported = [.. SessionRevisions, Stateless];

    /// <summary>The methods whose requests must name their target in <see cref="NameHeader"/> (2026-07-28).</summary>
    public static bool NeedsNameHeader(string method) => method is "tools/call" or "resources/read" or "prompts/get";
}
