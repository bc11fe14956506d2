namespace Rayswarm.Gateway;

/// <summary>The answer of <c>POST /domains/unregister/{id}</c> and the <c>unregister_domain</c> tool.</summary>
/// <param name="DomainId">The domain removed from the registry.</param>
/// <param name="Unregistered">Always true (an unknown domain is a 404 or a tool error).</param>
public sealed record UnregisterResult(string DomainId, bool Unregistered = true);
