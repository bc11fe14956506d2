using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Which contributions go to their domain's expert for review (configuration section <see cref="Section"/>;
/// docs/memory.md, Reviews). A contribution is reviewed at most once: when it is stored, if its domain is listed or its
/// confidence is below <see cref="Threshold"/>; or later, the first time a verification or application drops it below.</summary>
public sealed class MemoryReviewOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rayswarm:Memory:Review";

    /// <summary>The domains every contribution of which is reviewed; <c>*</c> for every domain. Default: none.</summary>
    public IList<string> Domains { get; } = [];

    /// <summary>A contribution whose confidence is below this (0..1) is reviewed. Default 0: never. A value above
    /// <see cref="MemoryConfidence.Initial"/> (0.5) sends every new contribution to review.</summary>
    public double Threshold { get; set; }

    /// <summary>Whether a new contribution of <paramref name="domainId"/> is reviewed.</summary>
    public bool ReviewsNew(string domainId) =>
        Domains.Contains(domainId) || Domains.Contains(PrincipalRoles.AnyDomain) || ReviewsBelow(MemoryConfidence.Initial);

    /// <summary>Whether a contribution with <paramref name="confidence"/> is reviewed.</summary>
    public bool ReviewsBelow(double confidence) => confidence < Threshold;
}
