using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>
/// A hosted domain action's input (built-in domains and domain modules) as a workflow step passes it: <c>{"data": {…},
/// "dependencies": {…}, "workflow_id", "step_id", "idempotency_key"}</c> (a compensation's also has
/// <c>action_idempotency_key</c>; an MCP tool call has no ids). The action's arguments are the fields of <c>data</c>
/// (absent or null = no arguments); a wrong type throws <see cref="ArgumentException"/> naming the field, which the
/// gateway answers with a 400 problem (HTTP) or a tool error (MCP).
/// </summary>
public readonly struct DomainActionInput
{
    /// <summary>Serializes outputs as the gateway does (snake_case).</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly JsonElement _data;

    private DomainActionInput(JsonElement data, string? workflowId, string? stepId, string? actionKey)
    {
        _data = data;
        WorkflowId = workflowId;
        StepId = stepId;
        ActionKey = actionKey ?? (workflowId is not null && stepId is not null ? Interfaces.IdempotencyKeys.Action(workflowId, stepId) : null);
    }

    /// <summary>The workflow that runs the step, when a workflow runs it.</summary>
    public string? WorkflowId { get; }

    /// <summary>The step, when a workflow runs it.</summary>
    public string? StepId { get; }

    /// <summary>The idempotency key the step's action runs under (<see cref="Interfaces.IdempotencyKeys"/>): in an action's
    /// input its <c>idempotency_key</c>, in a compensation's its <c>action_idempotency_key</c>; derived from
    /// <see cref="WorkflowId"/> and <see cref="StepId"/> when the caller gave none. Null outside a workflow.</summary>
    public string? ActionKey { get; }

    /// <summary>Reads an action's (or compensation's) input; throws <see cref="ArgumentException"/> unless it is an object
    /// whose <c>data</c> is an object, null or absent.</summary>
    public static DomainActionInput Parse(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("input must be a JSON object with a data object.", "input");
        }
        var data = input.TryGetProperty("data", out var d) ? d : default;
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            throw new ArgumentException($"data must be a JSON object (was {data.ValueKind.ToString().ToLowerInvariant()}).", "data");
        }
        var (workflowId, stepId) = (Text(input, "workflow_id"), Text(input, "step_id"));
        // A compensation names the action's key apart from its own; an action's own key is the action's key.
        var actionKey = Text(input, "action_idempotency_key")
            ?? (Text(input, "idempotency_key") is { } key && key.EndsWith("." + Interfaces.IdempotencyKeys.ActionKind, StringComparison.Ordinal) ? key : null);
        return new DomainActionInput(data.ValueKind == JsonValueKind.Object ? data : default, workflowId, stepId, actionKey);
    }

    /// <summary>A value derived from the workflow and step (stable across re-runs of the step), or null outside a workflow.
    /// Letters, digits, '_', '-' and '.', at most <paramref name="maxLength"/> characters.</summary>
    public string? StepKey(int maxLength)
    {
        if (WorkflowId is null || StepId is null) { return null; }
        var key = $"{WorkflowId}.{StepId}";
        if (key.Length <= maxLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) { return key; }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkflowId + "\n" + StepId)));
        return "step-" + hash[..Math.Min(hash.Length, maxLength - 5)];
    }

    /// <summary>The string argument <paramref name="field"/>, or null when absent or null.</summary>
    public string? String(string field)
    {
        var value = Get(field);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw WrongType(field, "a string", value),
        };
    }

    /// <summary>The number argument <paramref name="field"/>, or null when absent or null.</summary>
    public double? Number(string field)
    {
        var value = Get(field);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw WrongType(field, "a number", value),
        };
    }

    /// <summary>The integer argument <paramref name="field"/> (32 bits), or null when absent or null.</summary>
    public int? Integer(string field)
    {
        var value = Get(field);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            _ => throw WrongType(field, "an integer", value),
        };
    }

    /// <summary>The boolean argument <paramref name="field"/>, or null when absent or null.</summary>
    public bool? Boolean(string field)
    {
        var value = Get(field);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(field, "a boolean", value),
        };
    }

    /// <summary>The field as it was given (undefined when absent).</summary>
    public JsonElement Get(string field) =>
        _data.ValueKind == JsonValueKind.Object && _data.TryGetProperty(field, out var value) ? value : default;

    private static string? Text(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ArgumentException WrongType(string field, string expected, JsonElement value) =>
        new($"{field} must be {expected} (was {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.ValueKind.ToString().ToLowerInvariant())}).", field);

    /// <summary>The exception for an action the domain does not have.</summary>
    public static ArgumentException UnknownAction(string domainId, string action, IEnumerable<Interfaces.DomainActionInfo> known) =>
        new($"action '{action}' is not an action of the {domainId} domain (its actions: {string.Join(", ", known.Select(a => a.Name))}).", "action");

    /// <summary>A JSON value for an action's output.</summary>
    public static JsonElement Output<T>(T value) => JsonSerializer.SerializeToElement(value, Json);
}
