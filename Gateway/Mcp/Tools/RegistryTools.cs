using System.ComponentModel;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The domain registry as MCP tools (the same grains and rules as <c>/domains</c> over HTTP).</summary>
[McpServerToolType]
public sealed class RegistryTools(IGrainFactory grains)
{
    private IRegistryGrain Registry => grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

    [McpServerTool(Name = "register_domain", Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Registers a domain (or updates its registration) with what it can do and where it is served. Returns the registered domain.")]
    [McpScope(McpScopes.Write)]
    public Task<DomainInfo> RegisterDomain(
        [Description("The domain's id: letters, digits, '_', '-' and '.', at most 100 characters.")] string domain_id,
        [Description("What the domain can do, e.g. [\"chat\", \"ml\"]; at least one.")] string[] capabilities,
        [Description("The port it serves on (1-65535); give this or endpoint.")] int? port = null,
        [Description("The absolute http(s) URL it serves on; give this or port.")] string? endpoint = null,
        [Description("Free-form string labels.")] Dictionary<string, string>? metadata = null) =>
        Registry.Register(new DomainRegistration(domain_id, port, endpoint, capabilities ?? [], metadata));

    [McpServerTool(Name = "heartbeat_domain", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Records a heartbeat of a registered domain; an unhealthy domain becomes healthy. Returns the domain.")]
    [McpScope(McpScopes.Write)]
    public Task<DomainInfo> HeartbeatDomain(
        [Description("The id of a registered domain.")] string domain_id) =>
        Registry.Heartbeat(domain_id);

    [McpServerTool(Name = "unregister_domain", Idempotent = false, Destructive = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Removes a domain registered with a port or endpoint from the registry and announces domain.unregistered. A domain hosted in the cluster cannot be unregistered while its silos host it.")]
    [McpScope(McpScopes.Write)]
    public Task<UnregisterResult> UnregisterDomain(
        [Description("The id of a registered domain.")] string domain_id) =>
        Removals.UnregisterAsync(grains, domain_id);

    [McpServerTool(Name = "list_domains", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists every registered domain with its capabilities, endpoint, health and peers, sorted by id.")]
    [McpScope(McpScopes.Read)]
    public async Task<DomainList> ListDomains() => new(await Registry.List());

    [McpServerTool(Name = "get_domain", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Gets one registered domain with its peers (the domains sharing a capability with it).")]
    [McpScope(McpScopes.Read)]
    public async Task<DomainInfo> GetDomain(
        [Description("The id of a registered domain.")] string domain_id) =>
        await Registry.Get(domain_id) ?? throw new KeyNotFoundException($"The domain '{domain_id}' is not registered.");

    [McpServerTool(Name = "find_domains_by_capability", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Finds the registered domains that offer a capability, sorted by id.")]
    [McpScope(McpScopes.Read)]
    public async Task<DomainList> FindDomainsByCapability(
        [Description("The capability, e.g. \"chat\".")] string capability)
    {
        if (string.IsNullOrWhiteSpace(capability)) { throw new ArgumentException("capability is required.", nameof(capability)); }
        return new(await Registry.FindByCapability(capability));
    }

    [McpServerTool(Name = "capability_map", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Maps each capability offered in the registry to the ids of the domains offering it.")]
    [McpScope(McpScopes.Read)]
    public async Task<CapabilityMap> GetCapabilityMap() => new(await Registry.GetCapabilityMap());
}
