namespace Rayswarm.Grains;

/// <summary>The durable record of a domain's knowledge contributions: file path → contribution id.</summary>
public sealed record DomainKnowledgeState
{
    /// <summary>The contribution of each file contributed, by its path in the knowledge folder.</summary>
    public Dictionary<string, string> Contributions { get; init; } = new(StringComparer.Ordinal);
}
