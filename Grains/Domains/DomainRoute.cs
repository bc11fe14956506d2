namespace Rayswarm.Grains;

/// <summary>Where <see cref="DomainRouter.RouteAsync"/> sends a step: the domain picked and the healthy candidates it was
/// picked from, sorted by id.</summary>
public sealed record DomainRoute(string DomainId, IReadOnlyList<string> Candidates);
