namespace Rayswarm.Grains.Interfaces;

/// <summary>One action a domain offers to workflow steps (and, through MCP, to agents).</summary>
/// <param name="Name">The action's name ("search"), unique within its domain.</param>
/// <param name="Description">What it does, for people and agents.</param>
/// <param name="InputSchema">A JSON Schema (as JSON text) of the action's input object.</param>
/// <param name="Compensable">Whether it has a compensation that undoes it.</param>
/// <param name="ReadOnly">Whether it only reads (changes nothing): agents may call it with the read scope.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainActionInfo")]
public sealed record DomainActionInfo(string Name, string Description, string InputSchema, bool Compensable, bool ReadOnly = false);
