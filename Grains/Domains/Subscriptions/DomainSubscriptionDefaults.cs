namespace Rayswarm.Grains;

/// <summary>The bus patterns a hosted domain subscribes to when its silo starts (<see cref="HostedDomainSubscriber"/>),
/// unless the setting <see cref="DomainSubscriptionServiceCollectionExtensions.SettingKey"/> names others.</summary>
/// <param name="DomainId">The hosted domain.</param>
/// <param name="Patterns">Its default patterns (valid subscription patterns, e.g. <c>ml.*</c>).</param>
public sealed record DomainSubscriptionDefaults(string DomainId, IReadOnlyList<string> Patterns);
