using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// One action of a domain (hosted, or an endpoint domain that describes itself) as the tool <c>{domain}_{action}</c>, with
/// the action's description and input schema.
/// A call runs the action directly with the input a workflow step would get (docs/workflows.md), the tool's arguments
/// being the step's data. Read-only actions need the <c>read</c> scope, the others <c>write</c>. The action's version is in
/// the tool's <c>_meta</c> (<c>rayswarm/version</c>); a deprecated one has <c>rayswarm/deprecated</c> (why) and a title saying so.
/// </summary>
internal sealed class DomainActionTool : McpServerTool
{
    private readonly string _domainId;
    private readonly Func<string, JsonElement, CancellationToken, Task<JsonElement>> _execute;
    private readonly DomainActionInfo _info;
    private readonly RayswarmMetrics? _metrics;

    public DomainActionTool(string domainId, IDomainWorkerGrain worker, DomainActionInfo info, RayswarmMetrics? metrics = null)
        : this(domainId, (action, input, cancellation) => worker.Execute(action, input).WaitAsync(cancellation), info, metrics)
    {
    }

    /// <summary>A tool whose calls run <paramref name="execute"/> (action, input): an endpoint domain's HTTP action.</summary>
    public DomainActionTool(string domainId, Func<string, JsonElement, CancellationToken, Task<JsonElement>> execute, DomainActionInfo info,
        RayswarmMetrics? metrics = null)
    {
        _domainId = domainId;
        _execute = execute;
        _info = info;
        _metrics = metrics;
        ProtocolTool = new Tool
        {
            Name = ToolName(domainId, info.Name),
            Description = info.Description,
            InputSchema = SchemaOf(info.InputSchema),
            Annotations = new ToolAnnotations
            {
                ReadOnlyHint = info.ReadOnly,
                DestructiveHint = !info.ReadOnly && !info.Compensable,
                OpenWorldHint = false,
                Title = info.Deprecated is null ? null : $"{domainId}.{info.Name} (deprecated)",
            },
            // The action's version, and why it is deprecated (its description starts with "Deprecated" too).
            Meta = new JsonObject { ["rayswarm/version"] = info.Version, ["rayswarm/deprecated"] = info.Deprecated },
        };
        Metadata = [new McpScopeAttribute(info.ReadOnly ? McpScopes.Read : McpScopes.Write)];
    }

    public override Tool ProtocolTool { get; }

    /// <summary>The domain whose action this is.</summary>
    public string DomainId => _domainId;

    /// <summary>The action's name.</summary>
    public string Action => _info.Name;

    public override IReadOnlyList<object> Metadata { get; }

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var structured = await RunAsync(request.Params?.Arguments, cancellationToken);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = structured.GetRawText() }],
            StructuredContent = structured,
        };
    }

    /// <summary>Runs the action with <paramref name="arguments"/> as the step data (already checked against the input schema)
    /// and returns its output as a JSON object (a non-object output as <c>{"output": …}</c>).</summary>
    public async Task<JsonElement> RunAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        // Outside a workflow there are no dependencies and no workflow or step id.
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["data"] = arguments ?? new Dictionary<string, JsonElement>(),
            ["dependencies"] = new Dictionary<string, JsonElement>(),
            ["workflow_id"] = null,
            ["step_id"] = null,
        });
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        JsonElement output;
        try
        {
            output = await _execute(_info.Name, input, cancellationToken);
            succeeded = true;
        }
        finally
        {
            _metrics?.DomainActionCalled(_domainId, _info.Name, compensation: false, succeeded, startedAt);
        }
        return output.ValueKind == JsonValueKind.Object
            ? output
            : JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { ["output"] = output });
    }

    /// <summary>Whether <paramref name="other"/> lists the same: name, description, input schema and hints.</summary>
    public bool IsSameAs(DomainActionTool other) =>
        ProtocolTool.Name == other.ProtocolTool.Name
        && ProtocolTool.Description == other.ProtocolTool.Description
        && _info.ReadOnly == other._info.ReadOnly && _info.Compensable == other._info.Compensable
        && _info.Version == other._info.Version && _info.Deprecated == other._info.Deprecated
        && JsonElement.DeepEquals(ProtocolTool.InputSchema, other.ProtocolTool.InputSchema);

    /// <summary><c>{domain}_{action}</c>, with characters MCP tool names do not allow replaced by '_'.</summary>
    public static string ToolName(string domainId, string action)
    {
        var name = new StringBuilder(domainId.Length + action.Length + 1).Append(domainId).Append('_');
        foreach (var c in action) { name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_'); }
        return name.ToString();
    }

    private static JsonElement SchemaOf(string schema)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(schema) ? "{}" : schema);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out _))
            {
                return McpSchemas.Normalize(document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
        }
        return JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "object" });
    }
}
