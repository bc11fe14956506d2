using ModelContextProtocol.Server;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// Keeps the actions of the domains hosted in the cluster in the <see cref="McpToolCatalog"/> as
/// <see cref="DomainActionTool"/>s. The domains come from the registry (<see cref="IRegistryGrain.ListHosted"/>: the
/// healthy hosted domains, registered by the silos that host them; in embedded mode also the domains of the gateway's
/// own silo, so they are listed before their registration lands), their actions from each worker grain's
/// <see cref="IDomainWorkerGrain.DescribeActions"/>, reached through the grain type the registry keeps, so this works the
/// same in embedded and cluster mode. Healthy domains outside the cluster (registered with an endpoint) add the actions
/// they describe at <c>GET {endpoint}/describe</c>; their tools call <c>POST {endpoint}/actions/{action}</c> with the
/// domain's bearer token. A reading is reused for <see cref="CacheFor"/>; <see cref="McpToolListPoller"/> reads again every
/// period so that sessions hear of changes.
/// </summary>
internal sealed partial class DomainTools(
    IGrainFactory grains,
    HostedDomainCatalog hosted,
    McpToolCatalog catalog,
    IEnumerable<McpServerTool> fixedTools,
    IServiceProvider services,
    DomainResolver resolver,
    DomainHttpClient http,
    TimeProvider time,
    ILogger<DomainTools> logger,
    RayswarmMetrics? metrics = null)
{
    /// <summary>How long a reading of the domain tools is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    /// <summary>How long an endpoint domain may take to describe itself before it is listed without tools.</summary>
    public static readonly TimeSpan DescribeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The domains this process's own silo hosts (embedded mode): listed even before their registration lands.</summary>
    private readonly IReadOnlyList<(string DomainId, string GrainType)> _local = services.GetService<ILocalSiloDetails>() is null
        ? []
        : [.. hosted.DomainIds.Select(id => (id, hosted.GrainTypeOf(id)!))];

    /// <summary>An action named like a fixed tool is left out: calls of that name reach the fixed tool.</summary>
    private readonly HashSet<string> _fixed = [.. fixedTools.Select(t => t.ProtocolTool.Name)];

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DateTimeOffset? _readAt;

    /// <summary>Reads the domain tools again unless the last reading is younger than <see cref="CacheFor"/>. If the
    /// registry cannot be read the last known domain tools stay (the fixed tools work regardless).</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (_readAt is { } at && time.GetUtcNow() - at < CacheFor) { return; }
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogListFailed(logger, e);
        }
    }

    /// <summary>Reads the hosted domains and their actions into the catalog (one reading at a time; callers that waited
    /// for a running one take its result).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow();
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (_readAt is { } fresh && fresh >= asked) { return; }
            var registered = await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).ListHosted().WaitAsync(cancellationToken);
            var domains = registered
                .Where(e => e.Status == DomainStatus.Healthy && e.GrainType is not null && e.GrainType != AgentTypes.GrainType) // agents act through their swarms
                .Select(e => (e.DomainId, GrainType: e.GrainType!))
                .Concat(_local)
                .DistinctBy(d => d.DomainId, StringComparer.Ordinal)
                .OrderBy(d => d.DomainId, StringComparer.Ordinal);
            var endpoints = (await grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key).List().WaitAsync(cancellationToken))
                .Where(d => d.Kind == DomainKinds.Endpoint && d.Status == DomainStatus.Healthy)
                .Select(d => d.DomainId);
            var described = await Task.WhenAll(domains.Select(d => DescribeAsync(d.DomainId, d.GrainType, cancellationToken))
                .Concat(endpoints.Select(id => DescribeEndpointAsync(id, cancellationToken))));
            catalog.ReplaceDomainTools([.. described.SelectMany(a => a)
                .Where(t => !_fixed.Contains(t.ProtocolTool.Name))
                .DistinctBy(t => t.ProtocolTool.Name, StringComparer.Ordinal)]);
            _readAt = time.GetUtcNow();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<IReadOnlyList<DomainActionTool>> DescribeAsync(string domainId, string grainType, CancellationToken cancellationToken)
    {
        var worker = grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(grainType, domainId));
        try
        {
            var actions = await worker.DescribeActions().WaitAsync(cancellationToken);
            return [.. actions.Select(info => new DomainActionTool(domainId, worker, info, metrics))];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // One broken domain must not hide every other tool.
            LogDescribeFailed(logger, domainId, e);
            return [];
        }
    }

    private async Task<IReadOnlyList<DomainActionTool>> DescribeEndpointAsync(string domainId, CancellationToken cancellationToken)
    {
        try
        {
            if (await resolver.ResolveAsync(domainId).WaitAsync(cancellationToken) is not DomainTarget.Remote remote) { return []; }
            using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            within.CancelAfter(DescribeTimeout);
            var description = await http.DescribeAsync(remote, within.Token);
            return [.. description.Actions.Select(action => new DomainActionTool(domainId, (name, input, cancellation) => ExecuteAsync(domainId, name, input, cancellation),
                action.ToInfo(), metrics))];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker without /describe (or down) is still reached by workflows; it just has no tools.
            LogDescribeFailed(logger, domainId, e);
            return [];
        }
    }

    /// <summary>An endpoint domain's action for a tool call; what the domain answers (an error status, no answer) is a tool error.
    /// The domain is resolved at the call, not when its tools were listed: a worker that registered again since has a new
    /// endpoint and a new token.</summary>
    private async Task<System.Text.Json.JsonElement> ExecuteAsync(string domainId, string action, System.Text.Json.JsonElement input,
        CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(domainId).WaitAsync(cancellationToken) is not DomainTarget.Remote remote)
        {
            throw new ModelContextProtocol.McpException($"The domain '{domainId}' is no longer registered with an endpoint.");
        }
        try
        {
            return await http.ExecuteAsync(remote, action, workflowId: null, stepId: null, input, idempotencyKey: null, cancellationToken);
        }
        catch (DomainHttpException e)
        {
            throw new ModelContextProtocol.McpException(e.Message, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry did not list the hosted domains; MCP lists the last domain tools known")]
    private static partial void LogListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The domain {DomainId} did not describe its actions; it has no MCP tools for now")]
    private static partial void LogDescribeFailed(ILogger logger, string domainId, Exception exception);
}
