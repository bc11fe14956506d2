using System.Text.Json;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A state with free-form JSON members and a public field.</summary>
public sealed class DocumentState
{
    public long Counter;

    public JsonElement Payload { get; set; }

    public JsonElement Unassigned { get; set; }

    public JsonElement? Optional { get; set; }

    public List<JsonElement> Items { get; set; } = [];

    public Dictionary<string, JsonElement> ByName { get; set; } = [];
}
