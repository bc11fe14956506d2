namespace Rayswarm.Grains;

/// <summary>The domains hosted in this cluster: domain id → the grain type of its <see cref="Interfaces.IDomainWorkerGrain"/>
/// class and the capabilities it declares. Filled by <see cref="DomainWorkerServiceCollectionExtensions.AddDomainWorker{TGrain}"/>
/// and <see cref="DomainModuleServiceCollectionExtensions.AddDomainModule"/>; every silo of a cluster should host the same set.</summary>
public sealed class HostedDomainCatalog
{
    private readonly Dictionary<string, (string GrainType, IReadOnlyList<string> Capabilities)> _domains = new(StringComparer.Ordinal);

    /// <summary>The hosted domain ids, sorted.</summary>
    public IReadOnlyList<string> DomainIds => _domains.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds a hosted domain; throws <see cref="InvalidOperationException"/> when the id is taken.</summary>
    public void Add(string domainId, string grainType, IReadOnlyList<string>? capabilities = null)
    {
        if (!_domains.TryAdd(domainId, (grainType, capabilities ?? [])))
        {
            throw new InvalidOperationException($"The hosted domain '{domainId}' is added twice ({_domains[domainId].GrainType} and {grainType}).");
        }
    }

    /// <summary>The grain type of a hosted domain, or null when <paramref name="domainId"/> is not hosted here.</summary>
    public string? GrainTypeOf(string domainId) => _domains.TryGetValue(domainId, out var domain) ? domain.GrainType : null;

    /// <summary>The capabilities a hosted domain declares besides its action names (a module's
    /// <see cref="DomainModule.Capabilities"/>); empty when it declares none or is not hosted here.</summary>
    public IReadOnlyList<string> CapabilitiesOf(string domainId) => _domains.TryGetValue(domainId, out var domain) ? domain.Capabilities : [];
}
