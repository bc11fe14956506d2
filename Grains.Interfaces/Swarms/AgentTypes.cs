namespace Rayswarm.Grains.Interfaces;

/// <summary>The agent types of ruv-swarm's design, each mapped onto the domain whose actions it serves; any other type
/// must itself be a registered domain's id. Also the action an agent runs for a task given as text.</summary>
public static class AgentTypes
{
    /// <summary>The grain type of agents (the registry keeps it as their worker grain type).</summary>
    public const string GrainType = "swarm-agent";

    /// <summary>Agent type → domain id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Domains = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["researcher"] = "documents",
        ["coder"] = "code",
        ["analyst"] = "code",
        ["coordinator"] = "memory",
        ["neural-processor"] = "neural",
    };

    /// <summary>Domain id → (action, input field) that a task given as text runs, with the text in that field.</summary>
    public static readonly IReadOnlyDictionary<string, (string Action, string Field)> TextActions =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["memory"] = ("search", "query"),
            ["documents"] = ("search", "query"),
            ["code"] = ("analyze", "source"),
        };

    /// <summary>The domain an agent of <paramref name="type"/> serves: the mapped one, else the type itself.</summary>
    public static string DomainOf(string type) => Domains.TryGetValue(type, out var domain) ? domain : type;
}
