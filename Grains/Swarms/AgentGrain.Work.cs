using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The agent's work: its domain's actions and the coordination actions, counted as load, and (mesh) each result
/// published for the other agents, whose results it records.</summary>
public sealed partial class AgentGrain
{
    /// <summary>A coordinator's split: answers the plan it was given (<c>data.assigned</c>, the steps it hands work to).</summary>
    public const string CoordinateAction = "coordinate";

    /// <summary>A coordinator's collect: answers every output it depends on, by step id.</summary>
    public const string CollectAction = "collect";

    private static readonly IReadOnlyList<DomainActionInfo> s_coordination =
    [
        new(CoordinateAction, "Splits a task: answers the plan it was given (data.assigned: the steps it hands work to).", """{"type":"object"}""", true),
        new(CollectAction, "Collects: answers the outputs of every step it depends on, by step id.", """{"type":"object"}""", true),
    ];

    public async Task<IReadOnlyList<DomainActionInfo>> DescribeActions()
    {
        if (!Running) { return s_coordination; }
        var domain = await DomainAsync() switch
        {
            DomainTarget.Hosted hosted => await hosted.Worker.DescribeActions(),
            _ => [],
        };
        return [.. domain, .. s_coordination];
    }

    /// <summary>Runs <paramref name="action"/> and answers <c>{"agent", "action", "result", "chain"}</c>, where chain lists
    /// the agents the work passed through: the chains of the outputs it depends on, in order, then this agent.</summary>
    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        if (!Running) { throw new InvalidOperationException($"Agent '{AgentId}' is {(S.Swarm is null ? "not spawned" : "terminated")}: it runs no action."); }
        _inFlight++;
        Touch();
        try
        {
            var result = action switch
            {
                CoordinateAction => Property(input, "data") ?? JsonSerializer.SerializeToElement(new { }),
                CollectAction => Collected(input),
                _ => await ForwardAsync(action, input),
            };
            var output = Wrap(action, input, result);
            S.Calls++;
            if (S.Topology == SwarmTopologies.Mesh) { await PublishResultAsync(action, input); }
            return output;
        }
        finally
        {
            _inFlight--;
            Touch();
        }
    }

    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        if (action is CoordinateAction or CollectAction) { return; } // nothing to undo
        var result = Property(output, "result") ?? output;
        switch (await DomainAsync())
        {
            case DomainTarget.Hosted hosted:
                await hosted.Worker.Compensate(action, input, result);
                break;
            case DomainTarget.Remote remote:
                await http.CompensateAsync(remote, action, StringOf(input, "workflow_id") ?? "", StringOf(input, "step_id") ?? "", input, result,
                    StringOf(input, "idempotency_key"));
                break;
        }
    }

    public Task OnEvent(DomainEvent domainEvent)
    {
        if (Running && domainEvent.SourceDomain != AgentId)
        {
            S.Received++;
            S.ReceivedFrom.Add(domainEvent.SourceDomain);
            _dirty = true;
        }
        return Task.CompletedTask;
    }

    private void Touch()
    {
        S.LastActivityAt = _time.GetUtcNow();
        _dirty = true;
    }

    private async Task<DomainTarget> DomainAsync() =>
        await resolver.ResolveAsync(S.Domain) ?? throw new InvalidOperationException($"Agent '{AgentId}': its domain '{S.Domain}' is neither hosted nor registered.");

    private async Task<JsonElement> ForwardAsync(string action, JsonElement input) => await DomainAsync() switch
    {
        DomainTarget.Hosted hosted => await hosted.Worker.Execute(action, input),
        DomainTarget.Remote remote => await http.ExecuteAsync(remote, action, StringOf(input, "workflow_id"), StringOf(input, "step_id"), input,
            StringOf(input, "idempotency_key")),
        _ => throw new InvalidOperationException("unknown domain target"),
    };

    /// <summary>The outputs of the steps this one depends on, by step id.</summary>
    private static JsonElement Collected(JsonElement input)
    {
        var dependencies = Property(input, "dependencies") is { ValueKind: JsonValueKind.Object } d ? d : JsonSerializer.SerializeToElement(new { });
        return JsonSerializer.SerializeToElement(new { outputs = dependencies, count = dependencies.EnumerateObject().Count() });
    }

    private JsonElement Wrap(string action, JsonElement input, JsonElement result)
    {
        var chain = new JsonArray();
        if (Property(input, "dependencies") is { ValueKind: JsonValueKind.Object } dependencies)
        {
            foreach (var dependency in dependencies.EnumerateObject())
            {
                if (Property(dependency.Value, "chain") is not { ValueKind: JsonValueKind.Array } earlier) { continue; }
                foreach (var agent in earlier.EnumerateArray()) { chain.Add(agent.GetString()); }
            }
        }
        chain.Add(AgentId);
        return JsonSerializer.SerializeToElement(new JsonObject
        {
            ["agent"] = AgentId, ["action"] = action, ["result"] = JsonNode.Parse(result.GetRawText()), ["chain"] = chain,
        });
    }

    /// <summary>Publishes <c>swarm.{swarm}.result</c> once per step (the event id derives from the step's idempotency key).</summary>
    private async Task PublishResultAsync(string action, JsonElement input)
    {
        var key = StringOf(input, "idempotency_key") ?? Guid.NewGuid().ToString("N");
        var eventId = "sr_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AgentId + "\n" + key)))[..32];
        var data = JsonSerializer.SerializeToElement(new
        {
            agent = AgentId, action, workflow_id = StringOf(input, "workflow_id"), step_id = StringOf(input, "step_id"),
        });
        await Bus.Publish(new PublishRequest(SwarmCapabilities.ResultEvent(S.Swarm!), AgentId, data, eventId));
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? StringOf(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
