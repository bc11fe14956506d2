using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>
/// The gateway's MCP tools: one collection shared by every server the package creates (each 2025-11-25 session, each
/// 2026-07-28 request, stdio): the fixed tools, which the package creates from the [McpServerToolType] classes (<see cref="McpHostingExtensions"/>);
/// <see cref="DomainTools"/> keeps the hosted domains' actions in it (<see cref="DomainActionTool"/>). When it changes the
/// package sends <c>notifications/tools/list_changed</c> to every stateful session and to a stdio client.
/// </summary>
internal sealed class McpToolCatalog : McpServerPrimitiveCollection<McpServerTool>
{
    /// <summary>Starts with the fixed tools: those the package registered from the [McpServerToolType] classes.</summary>
    public McpToolCatalog(IEnumerable<McpServerTool> fixedTools)
    {
        foreach (var tool in fixedTools) { TryAdd(tool); }
    }

    /// <summary>Adds a tool unless one of its name is there. Schemas are made readable by every client first
    /// (<see cref="McpSchemas"/>), once per tool: the package offers the fixed tools again for every server it creates.</summary>
    public override bool TryAdd(McpServerTool primitive)
    {
        ArgumentNullException.ThrowIfNull(primitive);
        if (TryGetPrimitive(primitive.ProtocolTool.Name, out _)) { return false; }
        primitive.ProtocolTool.InputSchema = McpSchemas.Normalize(primitive.ProtocolTool.InputSchema);
        primitive.ProtocolTool.OutputSchema = McpSchemas.Normalize(primitive.ProtocolTool.OutputSchema);
        return base.TryAdd(primitive);
    }

    /// <summary>Makes the domain tools exactly <paramref name="tools"/>, touching only those that changed, so sessions
    /// hear of one change (or none).</summary>
    public void ReplaceDomainTools(IReadOnlyList<DomainActionTool> tools)
    {
        var wanted = tools.ToDictionary(t => t.ProtocolTool.Name, StringComparer.Ordinal);
        using var batch = DeferChangedEvents();
        foreach (var current in this.OfType<DomainActionTool>().ToList())
        {
            if (!wanted.TryGetValue(current.ProtocolTool.Name, out var next) || !next.IsSameAs(current)) { Remove(current); }
        }
        foreach (var tool in tools) { TryAdd(tool); }
    }
}
