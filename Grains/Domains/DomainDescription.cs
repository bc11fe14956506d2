namespace Rayswarm.Grains;

/// <summary>What an endpoint domain answers to <c>GET {endpoint}/describe</c> (snake_case JSON; docs/domains.md).</summary>
/// <param name="DomainId">The id it expects to be registered under, optional.</param>
/// <param name="Actions">Its actions.</param>
public sealed record DomainDescription(string? DomainId, IReadOnlyList<DescribedAction> Actions);
