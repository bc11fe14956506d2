namespace Rayswarm.Grains.Interfaces;

/// <summary>How the cluster reaches a registered domain (<see cref="IDomainGrain.GetReach"/>); not part of the HTTP API.</summary>
/// <param name="Kind"><see cref="DomainKinds.Hosted"/> or <see cref="DomainKinds.Endpoint"/>.</param>
/// <param name="GrainType">A hosted domain's worker grain type.</param>
/// <param name="BaseAddress">An endpoint domain's base URL, ending in '/' (a bare port is <c>http://127.0.0.1:{port}/</c>).</param>
/// <param name="Token">The bearer token to send to an endpoint domain; null for a registration older than tokens.</param>
/// <param name="Status">Its health (<see cref="DomainStatus"/>).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainReach")]
public sealed record DomainReach(string Kind, string? GrainType, string? BaseAddress, string? Token, string Status);
