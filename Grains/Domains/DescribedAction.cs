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
/// <param name="Deprecated">Whether it is on its way out: <c>true</c>, or a string saying why and what to use instead; default
/// not.</param>
public sealed record DescribedAction(string Name, string? Description = null, JsonElement? InputSchema = null, bool ReadOnly = false,
    bool Compensable = false, string? Version = null, JsonElement? Deprecated = null)
{
    /// <summary>The action as the cluster describes actions, with its version and deprecation.</summary>
    public DomainActionInfo ToInfo() => new(
        Name,
        (DeprecationNote is null ? "" : "Deprecated. ") + (string.IsNullOrWhiteSpace(Description) ? $"The action {Name}." : Description),
        InputSchema is { ValueKind: JsonValueKind.Object } schema ? schema.GetRawText() : """{"type":"object"}""",
        Compensable,
        ReadOnly,
        Version is { Length: > 0 } v ? v : DomainActionInfo.InitialVersion,
        DeprecationNote);

    private string? DeprecationNote => Deprecated switch
    {
        { ValueKind: JsonValueKind.True } => "deprecated by the worker",
        { ValueKind: JsonValueKind.String } note when !string.IsNullOrWhiteSpace(note.GetString()) => note.GetString(),
        _ => null,
    };
}
