namespace Rayswarm.Grains;

/// <summary>The domains hosted in this cluster: domain id → the grain type of its <see cref="Interfaces.IDomainWorkerGrain"/>
/// class. Filled by <see cref="DomainWorkerServiceCollectionExtensions.AddDomainWorker{TGrain}"/>; every silo of a cluster
/// should host the same set.</summary>
public sealed class HostedDomainCatalog
{
    private readonly Dictionary<string, string> _grainTypes = new(StringComparer.Ordinal);

    /// <summary>The hosted domain ids, sorted.</summary>
    public IReadOnlyList<string> DomainIds => _grainTypes.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds a hosted domain; throws <see cref="InvalidOperationException"/> when the id is taken.</summary>
    public void Add(string domainId, string grainType)
    {
        if (!_grainTypes.TryAdd(domainId, grainType))
        {
            throw new InvalidOperationException($"The hosted domain '{domainId}' is added twice ({_grainTypes[domainId]} and {grainType}).");
        }
    }

    /// <summary>The grain type of a hosted domain, or null when <paramref name="domainId"/> is not hosted here.</summary>
    public string? GrainTypeOf(string domainId) => _grainTypes.GetValueOrDefault(domainId);
}
