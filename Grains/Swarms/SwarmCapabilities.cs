namespace Rayswarm.Grains;

/// <summary>The names an agent is registered under beyond its plain capabilities: each capability scoped to its swarm
/// (<c>swarm:{swarm}:{capability}</c>), so a step routed by a scoped capability picks among the swarm's own agents only.</summary>
public static class SwarmCapabilities
{
    /// <summary>The capability <paramref name="capability"/> scoped to <paramref name="swarm"/>.</summary>
    public static string Scoped(string swarm, string capability) => $"swarm:{swarm}:{capability}";

    /// <summary>The event type of the results an agent of <paramref name="swarm"/> publishes in a mesh.</summary>
    public static string ResultEvent(string swarm) => $"swarm.{swarm}.result";
}
