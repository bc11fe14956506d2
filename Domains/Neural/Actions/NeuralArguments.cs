using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rayswarm.Domains.Neural;

/// <summary>An action's arguments: the <c>data</c> object of its input (a workflow step passes <c>{"data": {…}, …}</c>, an MCP
/// tool call its arguments the same way). Wrong types throw <see cref="ArgumentException"/> naming the field.</summary>
internal readonly partial struct NeuralArguments
{
    /// <summary>The longest model name.</summary>
    public const int MaxModelLength = 100;

    private NeuralArguments(JsonElement data) => Data = data;

    /// <summary>The arguments object (undefined when there are none).</summary>
    public JsonElement Data { get; }

    public static NeuralArguments Of(JsonElement input)
    {
        var data = input.ValueKind == JsonValueKind.Object && input.TryGetProperty("data", out var d) ? d : default;
        return data.ValueKind is JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null
            ? new NeuralArguments(data.ValueKind == JsonValueKind.Object ? data : default)
            : throw new ArgumentException($"data must be a JSON object (was {data.ValueKind.ToString().ToLowerInvariant()}).", "data");
    }

    /// <summary>The model's name: required, letters, digits, '_', '-' and '.'.</summary>
    public string Model() => Get("model") is { ValueKind: JsonValueKind.String } model && ModelName().IsMatch(model.GetString()!)
        ? model.GetString()!
        : throw new ArgumentException($"model is required: a name of 1 to {MaxModelLength} letters, digits, '_', '-' or '.', e.g. iris.", "model");

    /// <summary>The task: required, classification or regression.</summary>
    public NeuralTask Task() => Get("task") switch
    {
        { ValueKind: JsonValueKind.String } t when t.GetString() == "classification" => NeuralTask.Classification,
        { ValueKind: JsonValueKind.String } t when t.GetString() == "regression" => NeuralTask.Regression,
        _ => throw new ArgumentException("task is required: classification or regression.", "task"),
    };

    public double Number(string field, double fallback) => Get(field) switch
    {
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => fallback,
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        _ => throw new ArgumentException($"{field} must be a number.", field),
    };

    public int Integer(string field, int fallback) => Get(field) switch
    {
        { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => fallback,
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        _ => throw new ArgumentException($"{field} must be an integer.", field),
    };

    /// <summary>Whether the arguments give a data set (features or csv).</summary>
    public bool HasData => Get("features").ValueKind != JsonValueKind.Undefined || Get("csv").ValueKind != JsonValueKind.Undefined;

    public JsonElement Get(string field) => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(field, out var value) ? value : default;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex ModelName();
}
