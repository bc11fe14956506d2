namespace Rayswarm.Grains.Interfaces;

/// <summary>A search of the shared memory (the query string of <c>GET /domains/memory/query</c>).</summary>
/// <param name="Query">Words to look for in the contributions' type, keys and text values (all must occur; '_' separates
/// words, so "port timeout" finds "port_timeout"). Empty or null lists every contribution by confidence.</param>
/// <param name="MinConfidence">Only contributions at least this confident, 0..1; default 0.</param>
/// <param name="ContributionType">Only contributions of this type, optional.</param>
/// <param name="DomainId">Only contributions of this domain, optional.</param>
/// <param name="Limit">At most this many results, 1..<see cref="MaxLimit"/>; default <see cref="DefaultLimit"/>.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.MemoryQuery")]
public sealed record MemoryQuery(
    string? Query = null,
    double MinConfidence = 0,
    string? ContributionType = null,
    string? DomainId = null,
    int Limit = MemoryQuery.DefaultLimit)
{
    /// <summary>The number of results when no limit is given.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest limit accepted.</summary>
    public const int MaxLimit = 100;

    /// <summary>The longest query text accepted.</summary>
    public const int MaxQueryLength = 1000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (query, min_confidence, contribution_type, domain_id, limit).</summary>
    public void Validate()
    {
        if (Query is { Length: > MaxQueryLength })
        {
            throw new ArgumentException($"query must be at most {MaxQueryLength} characters (was {Query.Length}).", "query");
        }
        if (double.IsNaN(MinConfidence) || MinConfidence < 0 || MinConfidence > 1)
        {
            throw new ArgumentException($"min_confidence must be between 0 and 1 (was {MinConfidence}).", "min_confidence");
        }
        if (ContributionType is not null) { MemoryValidation.ValidateContributionType(ContributionType, "contribution_type"); }
        if (DomainId is not null) { DomainRegistration.ValidateDomainId(DomainId); }
        MemoryValidation.ValidateLimit(Limit, MaxLimit);
    }
}
