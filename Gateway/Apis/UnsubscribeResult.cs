namespace Rayswarm.Gateway;

/// <summary>The answer of <c>POST /domains/events/unsubscribe/{id}</c> and the <c>unsubscribe_domain</c> tool.</summary>
/// <param name="SubscriptionId">The subscription ended.</param>
/// <param name="Unsubscribed">Always true (an unknown subscription is a 404 or a tool error).</param>
public sealed record UnsubscribeResult(string SubscriptionId, bool Unsubscribed = true);
