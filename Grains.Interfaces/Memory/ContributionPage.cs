namespace Rayswarm.Grains.Interfaces;

/// <summary>One page of a domain's contributions, newest first.</summary>
/// <param name="DomainId">The domain.</param>
/// <param name="Total">How many contributions the domain has in all.</param>
/// <param name="Offset">How many newer contributions were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Contributions">This page.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ContributionPage")]
public sealed record ContributionPage(string DomainId, int Total, int Offset, int Limit, IReadOnlyList<Contribution> Contributions);
