namespace Rayswarm.Grains.Interfaces;

/// <summary>What a silo tells the registry about a domain it hosts (<see cref="IDomainGrain.RegisterHosted"/>). Not a body
/// of the HTTP API: only silos register hosted domains, on start and then on every heartbeat interval.</summary>
/// <param name="DomainId">The domain's id (as <see cref="DomainRegistration.DomainId"/>).</param>
/// <param name="GrainType">The grain type of its <see cref="IDomainWorkerGrain"/> class; any silo or client reaches the
/// domain as <c>GrainId(GrainType, DomainId)</c>.</param>
/// <param name="Capabilities">Its action names (from <see cref="IDomainWorkerGrain.DescribeActions"/>), distinct; may be empty.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.HostedDomainRegistration")]
public sealed record HostedDomainRegistration(string DomainId, string GrainType, IReadOnlyList<string> Capabilities)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, grain_type, capabilities).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        if (string.IsNullOrWhiteSpace(GrainType))
        {
            throw new ArgumentException("grain_type is required.", "grain_type");
        }
        if (Capabilities is null || Capabilities.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("capabilities must be a list of non-empty strings.", "capabilities");
        }
    }
}
