using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>Reads a workflow step over HTTP with <c>"domain"</c> accepted for <c>"domain_id"</c>, as the design's own examples
/// write it; <c>domain_id</c> wins when both are given. Everything else is read as usual.</summary>
internal sealed class WorkflowStepJson : JsonConverter<WorkflowStepRequest>
{
    private JsonSerializerOptions? _plain;

    public override WorkflowStepRequest? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        if (node is JsonObject step && !step.ContainsKey("domain_id") && step.Remove("domain", out var domain))
        {
            step["domain_id"] = domain;
        }
        return node.Deserialize<WorkflowStepRequest>(Plain(options));
    }

    public override void Write(Utf8JsonWriter writer, WorkflowStepRequest value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Plain(options));

    // The same options without this converter, so the step itself is read by the default contract.
    private JsonSerializerOptions Plain(JsonSerializerOptions options)
    {
        if (_plain is { } plain) { return plain; }
        var copy = new JsonSerializerOptions(options);
        copy.Converters.Remove(this);
        return _plain = copy;
    }
}
