using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One action in an endpoint domain's <see cref="DomainDescription"/>.</summary>
/// <param name="Name">The action's name, as in <c>POST {endpoint}/actions/{name}</c>.</param>
/// <param name="Description">What it does, for people and agents.</param>
/// <param name="InputSchema">A JSON Schema object of the step's <c>data</c> (the tool's arguments); optional.</param>
/// <param name="ReadOnly">Whether it changes nothing (agents with the read scope may call it); default false.</param>
/// <param name="Compensable">Whether <c>POST {endpoint}/actions/{name}/compensate</c> undoes it; default false.</param>
/// <param name="Version">Its version (semver, "1.2.0"), optional.</param>
/// <param name="Deprecated">Whether it is on its way out; default false.</param>
public sealed record DescribedAction(string Name, string? Description = null, JsonElement? InputSchema = null, bool ReadOnly = false,
    bool Compensable = false, string? Version = null, bool Deprecated = false)
{
    /// <summary>The action as the cluster describes actions: the version and a deprecation are said in the description.</summary>
    public DomainActionInfo ToInfo() => new(
        Name,
        (Deprecated ? "Deprecated. " : "") + (string.IsNullOrWhiteSpace(Description) ? $"The action {Name}." : Description)
            + (Version is { Length: > 0 } v ? $" (version {v})" : ""),
        InputSchema is { ValueKind: JsonValueKind.Object } schema ? schema.GetRawText() : """{"type":"object"}""",
        Compensable,
        ReadOnly);
}
