using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The registry endpoints: register, unregister, heartbeat, list, get, capability map, find by capability, stats.</summary>
internal static class RegistryApi
{
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder routes)
    {
        var domains = routes.MapGroup("/domains").WithTags("Registry");
        domains.MapPost("/register", (DomainRegistration registration, IGrainFactory grains) =>
            Registry(grains).Register(registration)).WithName("RegisterDomain")
            .WithSummary("Registers a domain (or updates its registration) and announces domain.registered.");
        domains.MapPost("/heartbeat/{id}", (string id, IGrainFactory grains) =>
            Registry(grains).Heartbeat(id)).WithName("DomainHeartbeat")
            .WithSummary("Records a heartbeat; an unhealthy domain becomes healthy.");
        domains.MapPost("/unregister/{id}", (string id, IGrainFactory grains) => Removals.UnregisterAsync(grains, id))
            .WithName("UnregisterDomain")
            .WithSummary("Removes a domain registered with a port or endpoint and announces domain.unregistered; 404 when not registered.");
        domains.MapGet("/list", async (IGrainFactory grains) =>
        {
            var list = await Registry(grains).List();
            return new DomainList(list, list.Count);
        }).WithName("ListDomains").WithSummary("Every registered domain, sorted by id.");
        domains.MapGet("/domain/{id}", async (string id, IGrainFactory grains) =>
        {
            return await Registry(grains).Get(id) ?? throw new KeyNotFoundException($"Domain '{id}' is not registered.");
        }).WithName("GetDomain").WithSummary("One domain with its peers.");
        domains.MapGet("/capabilities", async (IGrainFactory grains) =>
            new CapabilityMap(await Registry(grains).GetCapabilityMap())).WithName("GetCapabilityMap")
            .WithSummary("Each capability with the domains offering it.");
        domains.MapGet("/find-by-capability/{cap}", async (string cap, IGrainFactory grains) =>
        {
            var found = await Registry(grains).FindByCapability(cap);
            return new CapabilityMatches(cap, found, found.Count);
        }).WithName("FindByCapability").WithSummary("The domains offering a capability.");
        domains.MapGet("/registry-stats", (IGrainFactory grains) => Registry(grains).GetStats())
            .WithName("GetRegistryStats").WithSummary("Counts over the registry.");
        return routes;
    }

    private static IRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);

    /// <summary>The answer of <c>GET /domains/list</c>.</summary>
    internal sealed record DomainList(IReadOnlyList<DomainInfo> Domains, int Count);

    /// <summary>The answer of <c>GET /domains/capabilities</c>.</summary>
    internal sealed record CapabilityMap(IReadOnlyDictionary<string, IReadOnlyList<string>> Capabilities);

    /// <summary>The answer of <c>GET /domains/find-by-capability/{cap}</c>.</summary>
    internal sealed record CapabilityMatches(string Capability, IReadOnlyList<DomainInfo> Domains, int Count);
}
