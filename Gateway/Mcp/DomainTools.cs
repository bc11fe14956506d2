using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Gateway;

/// <summary>
/// The actions of the domains hosted in the cluster as tools named <c>{domain}_{action}</c>, with the action's
/// description and input schema (the schema of the arguments, which the action receives as <c>input.data</c>, as a
/// workflow step's data). Computed on every list request, so a domain added to the cluster shows up without a
/// restart of the MCP session. Domains outside the cluster (registered with an endpoint) are reached by workflows; the
/// HTTP domain protocol has no way yet to describe their actions, so they add no tools.
/// </summary>
internal sealed partial class DomainTools(IGrainFactory grains, HostedDomainCatalog catalog, ILogger<DomainTools> logger)
{
    /// <summary>One domain action as a tool.</summary>
    public sealed record Action(string DomainId, IDomainWorkerGrain Worker, DomainActionInfo Info, Tool Tool);

    public async Task<IReadOnlyList<Tool>> ListAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Select(a => a.Tool).ToList();

    /// <summary>The action a tool name stands for, or null.</summary>
    public async Task<Action?> FindAsync(string toolName, CancellationToken cancellationToken)
    {
        var candidates = catalog.DomainIds.Where(id => toolName.StartsWith(id + "_", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0) { return null; }
        var actions = await Task.WhenAll(candidates.Select(id => DescribeAsync(id, cancellationToken)));
        return actions.SelectMany(a => a).FirstOrDefault(a => a.Tool.Name == toolName);
    }

    public async Task<CallToolResult> CallAsync(Action action, IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        // The input a workflow step gives the action (docs/workflows.md), with the tool's arguments as the step's data;
        // outside a workflow there are no dependencies and no workflow or step id.
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["data"] = arguments ?? new Dictionary<string, JsonElement>(),
            ["dependencies"] = new Dictionary<string, JsonElement>(),
            ["workflow_id"] = null,
            ["step_id"] = null,
        });
        var output = await action.Worker.Execute(action.Info.Name, input).WaitAsync(cancellationToken);
        var structured = output.ValueKind == JsonValueKind.Object
            ? output
            : JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { ["output"] = output });
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = structured.GetRawText() }],
            StructuredContent = structured,
        };
    }

    private async Task<IReadOnlyList<Action>> AllAsync(CancellationToken cancellationToken) =>
        (await Task.WhenAll(catalog.DomainIds.Select(id => DescribeAsync(id, cancellationToken)))).SelectMany(a => a).ToList();

    private async Task<IReadOnlyList<Action>> DescribeAsync(string domainId, CancellationToken cancellationToken)
    {
        var worker = grains.GetGrain<IDomainWorkerGrain>(new GrainId(catalog.GrainTypeOf(domainId)!, domainId));
        try
        {
            var actions = await worker.DescribeActions().WaitAsync(cancellationToken);
            return actions.Select(info => new Action(domainId, worker, info, ToolOf(domainId, info))).ToList();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // One broken domain must not hide every other tool.
            LogDescribeFailed(logger, domainId, e);
            return [];
        }
    }

    private static Tool ToolOf(string domainId, DomainActionInfo info) => new()
    {
        Name = ToolName(domainId, info.Name),
        Description = info.Description,
        InputSchema = McpSchemas.Normalize(SchemaOf(info.InputSchema)),
        Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = !info.Compensable, OpenWorldHint = false },
    };

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
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.TryGetProperty("type", out _)
                    ? document.RootElement.Clone()
                    : JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "object" });
            }
        }
        catch (JsonException)
        {
        }
        return JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "object" });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hosted domain {DomainId} did not describe its actions; it has no MCP tools for now")]
    private static partial void LogDescribeFailed(ILogger logger, string domainId, Exception exception);
}
