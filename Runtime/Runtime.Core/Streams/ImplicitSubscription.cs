using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Every stream of <paramref name="Namespace"/> goes to the grain <c>GrainId(GrainType, stream key)</c>
/// (from <see cref="ImplicitStreamSubscriptionAttribute"/>). Implicit subscriptions receive every event, whenever appended.
/// </summary>
public sealed record ImplicitSubscription(string Namespace, string GrainType)
{
    /// <summary>The subscription id cursors and dead letters are kept under: <c>implicit:{GrainType}:{Namespace}</c>.</summary>
    public string Id => $"implicit:{GrainType}:{Namespace}";
}
