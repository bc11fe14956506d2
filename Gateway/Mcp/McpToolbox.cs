using System.Reflection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rayswarm.Gateway;

/// <summary>
/// Every MCP tool of the gateway: the fixed tools of the classes in <see cref="ToolTypes"/> and the actions of hosted
/// domains (<see cref="DomainTools"/>), listed and called through one path so that scopes (<see cref="McpScopes"/>)
/// and error mapping (<see cref="McpToolErrors"/>) hold for all of them.
/// </summary>
internal sealed class McpToolbox
{
    /// <summary>The classes whose <see cref="McpServerToolAttribute"/> methods are tools.</summary>
    public static readonly Type[] ToolTypes = [typeof(RegistryTools), typeof(EventTools), typeof(MemoryTools), typeof(WorkflowTools), typeof(SystemTools)];

    private readonly Dictionary<string, (McpServerTool Tool, string Scope)> _tools = new(StringComparer.Ordinal);
    private readonly DomainTools _domains;

    public McpToolbox(IServiceProvider services, DomainTools domains)
    {
        _domains = domains;
        foreach (var type in ToolTypes)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<McpServerToolAttribute>() is null) { continue; }
                var tool = McpServerTool.Create(
                    method,
                    request => ActivatorUtilities.CreateInstance(request.Services ?? services, type),
                    new McpServerToolCreateOptions { Services = services, SerializerOptions = McpJson.Options });
                tool.ProtocolTool.InputSchema = McpSchemas.Normalize(tool.ProtocolTool.InputSchema);
                tool.ProtocolTool.OutputSchema = McpSchemas.Normalize(tool.ProtocolTool.OutputSchema);
                var scope = method.GetCustomAttribute<McpScopeAttribute>()?.Scope ?? McpScopes.Admin;
                _tools.Add(tool.ProtocolTool.Name, (tool, scope));
            }
        }
    }

    /// <summary>Signals that the tool list may have changed (see <see cref="McpToolListSignal"/>).</summary>
    public McpToolListSignal Changes { get; } = new();

    /// <summary>The names of the fixed tools.</summary>
    public IEnumerable<string> FixedToolNames => _tools.Keys;

    public async ValueTask<ListToolsResult> ListAsync(RequestContext<ListToolsRequestParams> request, CancellationToken cancellationToken)
    {
        var tools = _tools.Values.Select(t => t.Tool.ProtocolTool).ToList();
        // A domain action named like a fixed tool is left out: calls of that name reach the fixed tool.
        tools.AddRange((await _domains.ListAsync(cancellationToken)).Where(t => !_tools.ContainsKey(t.Name)));
        return new ListToolsResult { Tools = tools };
    }

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var name = request.Params?.Name ?? "";
        try
        {
            if (_tools.TryGetValue(name, out var entry))
            {
                McpScopes.EnsureAllowed(request.User, entry.Scope, name);
                if (McpArguments.Problem(entry.Tool.ProtocolTool.InputSchema, request.Params?.Arguments) is { } problem)
                {
                    return McpToolErrors.Result(problem);
                }
                request.MatchedPrimitive = entry.Tool;
                return await entry.Tool.InvokeAsync(request, cancellationToken);
            }
            if (await _domains.FindAsync(name, cancellationToken) is { } action)
            {
                McpScopes.EnsureAllowed(request.User, action.Info.ReadOnly ? McpScopes.Read : McpScopes.Write, name);
                if (McpArguments.Problem(action.Tool.InputSchema, request.Params?.Arguments) is { } problem)
                {
                    return McpToolErrors.Result(problem);
                }
                return await _domains.CallAsync(action, request.Params?.Arguments, cancellationToken);
            }
        }
        catch (Exception e) when (McpToolErrors.MessageOf(e) is { } message)
        {
            return McpToolErrors.Result(message);
        }
        throw new McpProtocolException($"Unknown tool: '{name}'.", McpErrorCode.InvalidParams);
    }
}
