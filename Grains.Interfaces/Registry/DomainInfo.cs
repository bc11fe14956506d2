namespace Rayswarm.Grains.Interfaces;

/// <summary>A registered domain as the registry sees it.</summary>
/// <param name="DomainId">The domain's id.</param>
/// <param name="Port">The port it serves on, if it gave one.</param>
/// <param name="Endpoint">The URL it serves on, if it gave one.</param>
/// <param name="Capabilities">What it can do, distinct, in registration order.</param>
/// <param name="Metadata">Its free-form labels (empty when none were given).</param>
/// <param name="RegisteredAt">When it first registered (re-registering keeps this).</param>
/// <param name="LastHeartbeatAt">Its last heartbeat, or its last registration if later.</param>
/// <param name="Status"><see cref="DomainStatus.Healthy"/> or <see cref="DomainStatus.Unhealthy"/>.</param>
/// <param name="Peers">The other registered domains that share at least one capability with it, sorted by id.
/// Shared capabilities, not all domains, so the peer list stays meaningful (and small) as the registry grows.</param>
/// <param name="HeartbeatCount">How many heartbeats it sent since it first registered (for a hosted domain: those of
/// every silo hosting it).</param>
/// <param name="Kind"><see cref="DomainKinds.Hosted"/> (a worker grain in the cluster) or <see cref="DomainKinds.Endpoint"/>
/// (HTTP at <paramref name="Port"/> or <paramref name="Endpoint"/>).</param>
/// <param name="GrainType">For a hosted domain, the grain type of its worker grain; null otherwise.</param>
/// <param name="Token">Only in the answer to a registration with a port or endpoint: the bearer token the cluster sends with
/// every call to the domain (<c>Authorization: Bearer …</c>), for the domain to check. Shown once; registering again issues a
/// new one. Null everywhere else.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainInfo")]
public sealed record DomainInfo(
    string DomainId,
    int? Port,
    string? Endpoint,
    IReadOnlyList<string> Capabilities,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset RegisteredAt,
    DateTimeOffset LastHeartbeatAt,
    string Status,
    IReadOnlyList<string> Peers,
    long HeartbeatCount,
    string Kind = DomainKinds.Endpoint,
    string? GrainType = null,
    string? Token = null);
