namespace Rayswarm.Grains.Interfaces;

/// <summary>One action a domain offers to workflow steps (and, through MCP, to agents).</summary>
/// <param name="Name">The action's name ("search"), unique within its domain.</param>
/// <param name="Description">What it does, for people and agents. A deprecated action's description starts with
/// "Deprecated" and says what to use instead.</param>
/// <param name="InputSchema">A JSON Schema (as JSON text) of the action's input object.</param>
/// <param name="Compensable">Whether it has a compensation that undoes it.</param>
/// <param name="ReadOnly">Whether it only reads (changes nothing): agents may call it with the read scope.</param>
/// <param name="Version">The action's version (semantic versioning, <c>MAJOR.MINOR.PATCH</c>): a change that breaks its
/// callers (a removed or renamed input field, a changed output) raises the major version. Default <c>1.0.0</c>.</param>
/// <param name="Deprecated">Null while the action is current; else why it is deprecated and what to use instead (it still
/// runs). MCP lists it with that note in its description, title and metadata.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainActionInfo")]
public sealed record DomainActionInfo(string Name, string Description, string InputSchema, bool Compensable, bool ReadOnly = false,
    string Version = DomainActionInfo.InitialVersion, string? Deprecated = null)
{
    /// <summary>The version of an action that gives none.</summary>
    public const string InitialVersion = "1.0.0";
}
