using System.Text;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// The actions of the domains hosted in the cluster as tools named <c>{domain}_{action}</c>, with the action's
/// description and input schema (the schema of the arguments, which the action receives as <c>input.data</c>, as a
/// workflow step's data). The domains come from the registry (<see cref="IRegistryGrain.ListHosted"/>: the healthy
/// hosted domains, registered by the silos that host them; in embedded mode also the domains of the gateway's own silo,
/// so they are listed before their registration lands), their actions from each worker grain's
/// <see cref="IDomainWorkerGrain.DescribeActions"/>, reached through the grain type the registry keeps, so this works the
/// same in embedded and cluster mode. The list is kept for <see cref="CacheFor"/>; <see cref="McpToolListPoller"/>
/// refreshes it and tells sessions when it changed. Domains outside the cluster (registered with an endpoint) are
/// reached by workflows; the HTTP domain protocol has no way yet to describe their actions, so they add no tools.
/// </summary>
internal sealed partial class DomainTools(
    IGrainFactory grains,
    HostedDomainCatalog catalog,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DomainTools> logger,
    RayswarmMetrics? metrics = null)
{
    /// <summary>The domains this process's own silo hosts (embedded mode): listed even before their registration lands.</summary>
    private readonly IReadOnlyList<(string DomainId, string GrainType)> _local = services.GetService<ILocalSiloDetails>() is null
        ? []
        : [.. catalog.DomainIds.Select(id => (id, catalog.GrainTypeOf(id)!))];

    /// <summary>How long a listing of the domain tools is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (IReadOnlyList<Action> Actions, DateTimeOffset At)? _cached;

    /// <summary>One domain action as a tool.</summary>
    public sealed record Action(string DomainId, IDomainWorkerGrain Worker, DomainActionInfo Info, Tool Tool);

    public async Task<IReadOnlyList<Tool>> ListAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Select(a => a.Tool).ToList();

    /// <summary>The action a tool name stands for, or null.</summary>
    public async Task<Action?> FindAsync(string toolName, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Tool.Name == toolName);

    /// <summary>The domain tools, from the cache when it is younger than <see cref="CacheFor"/>.</summary>
    public async Task<IReadOnlyList<Action>> AllAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.At < CacheFor) { return cached.Actions; }
        try
        {
            return await RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The registry is unreachable for now: the fixed tools still work; the domain tools are the last ones known.
            LogListFailed(logger, e);
            return _cached?.Actions ?? [];
        }
    }

    /// <summary>Reads the hosted domains and their actions again (one refresh at a time; callers that waited for a running
    /// one take its result).</summary>
    public async Task<IReadOnlyList<Action>> RefreshAsync(CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow();
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } fresh && fresh.At >= asked) { return fresh.Actions; }
            var hosted = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListHosted().WaitAsync(cancellationToken);
            var domains = hosted
                .Where(e => e.Status == DomainStatus.Healthy && e.GrainType is not null)
                .Select(e => (e.DomainId, GrainType: e.GrainType!))
                .Concat(_local)
                .DistinctBy(d => d.DomainId, StringComparer.Ordinal)
                .OrderBy(d => d.DomainId, StringComparer.Ordinal);
            var described = await Task.WhenAll(domains.Select(d => DescribeAsync(d.DomainId, d.GrainType, cancellationToken)));
            IReadOnlyList<Action> actions = [.. described.SelectMany(a => a)];
            _cached = (actions, time.GetUtcNow());
            return actions;
        }
        finally
        {
            _refreshing.Release();
        }
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
        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        JsonElement output;
        try
        {
            output = await action.Worker.Execute(action.Info.Name, input).WaitAsync(cancellationToken);
            succeeded = true;
        }
        finally
        {
            metrics?.DomainActionCalled(action.DomainId, action.Info.Name, compensation: false, succeeded, startedAt);
        }
        var structured = output.ValueKind == JsonValueKind.Object
            ? output
            : JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { ["output"] = output });
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = structured.GetRawText() }],
            StructuredContent = structured,
        };
    }

    private async Task<IReadOnlyList<Action>> DescribeAsync(string domainId, string grainType, CancellationToken cancellationToken)
    {
        var worker = grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(grainType, domainId));
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
        Annotations = new ToolAnnotations { ReadOnlyHint = info.ReadOnly, DestructiveHint = !info.ReadOnly && !info.Compensable, OpenWorldHint = false },
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry did not list the hosted domains; MCP lists the last domain tools known")]
    private static partial void LogListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hosted domain {DomainId} did not describe its actions; it has no MCP tools for now")]
    private static partial void LogDescribeFailed(ILogger logger, string domainId, Exception exception);
}
