using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Finds where a domain is served: a domain hosted by this process's silo (its catalog) first; else the registry's
/// entry: a hosted domain (registered by the silos that host it) is its worker grain through the grain type the registry
/// keeps, so a silo or client that does not host it reaches it too; an endpoint domain is its port or endpoint (a bare
/// port means <c>http://127.0.0.1:{port}</c>, as in the original design where domains ran beside the API) with the bearer
/// token it was issued (<see cref="IDomainGrain.GetReach"/>).</summary>
public sealed class DomainResolver(IGrainFactory grains, HostedDomainCatalog catalog)
{
    /// <summary>The target of <paramref name="domainId"/>, or null when it is neither hosted nor registered.</summary>
    public async Task<DomainTarget?> ResolveAsync(string domainId)
    {
        ArgumentNullException.ThrowIfNull(domainId);
        if (catalog.GrainTypeOf(domainId) is { } grainType)
        {
            return new DomainTarget.Hosted(grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(grainType, domainId)));
        }
        var reach = await grains.GetGrain<IDomainGrain>(domainId).GetReach();
        return reach switch
        {
            { Kind: DomainKinds.Hosted, GrainType: { } hostedType } =>
                new DomainTarget.Hosted(grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(hostedType, domainId))),
            { BaseAddress: { } address } => new DomainTarget.Remote(new Uri(address), reach.Token),
            _ => null,
        };
    }
}
