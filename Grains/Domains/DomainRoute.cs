namespace Rayswarm.Grains;

/// <summary>Where <see cref="DomainRouter.RouteAsync"/> sent a step: the domain picked (its call counted in flight until
/// <see cref="Lease"/> is disposed) and the healthy candidates it was picked from, sorted by id.</summary>
public sealed record DomainRoute(DomainLease Lease, IReadOnlyList<string> Candidates);
