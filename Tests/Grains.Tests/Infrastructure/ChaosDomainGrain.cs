using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>
/// A hosted test domain that injects failures by the <see cref="ChaosScript"/> of the calling workflow (in
/// <see cref="Scripts"/>, by workflow id). Its work: the actions "contribute" and "publish" are forwarded, input unchanged,
/// to the built-in <c>memory</c> and <c>events</c> domains (so their idempotency is what is tested); any other action
/// returns <c>{"ok": true}</c>. Infrastructure failures alternate between <see cref="SiloUnavailableException"/> and
/// <see cref="ClusterUnavailableException"/>, as a silo dying or starting throws them.
/// </summary>
[Reentrant]
[GrainType(nameof(ChaosDomainGrain))]
public sealed class ChaosDomainGrain : Grain, IDomainWorkerGrain
{
    public static readonly ConcurrentDictionary<string, ChaosScript> Scripts = new();

    private static int s_failures;

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() =>
        Task.FromResult<IReadOnlyList<DomainActionInfo>>([new DomainActionInfo("record", "Answers ok.", "{}", true)]);

    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var script = ScriptOf(input);
        script.Calls.Enqueue(("execute", Text(input, "idempotency_key"), Text(input, "action_idempotency_key"), default));
        if (script.TakeExecuteFailureBefore()) { throw Transient("before the action"); }
        var output = await (await TargetAsync(action) is { } target
            ? target.Execute(action, input)
            : Task.FromResult(JsonSerializer.SerializeToElement(new { ok = true })));
        if (script.TakeExecuteAnswerLost())
        {
            script.LostOutputs.Enqueue(output);
            throw Transient("after the action: its answer is lost");
        }
        return output;
    }

    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        var script = ScriptOf(input);
        script.Calls.Enqueue(("compensate", Text(input, "idempotency_key"), Text(input, "action_idempotency_key"), output));
        if (script.TakeCompensateFailureBefore()) { throw Transient("before the compensation"); }
        if (script.TakeCompensateDomainFailure()) { throw new InvalidOperationException("cannot undo"); }
        if (await TargetAsync(action) is { } target) { await target.Compensate(action, input, output); }
    }

    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private async Task<IDomainWorkerGrain?> TargetAsync(string action)
    {
        var domain = action switch { "contribute" => "memory", "publish" => "events", _ => null };
        if (domain is null) { return null; }
        var target = await ServiceProvider.GetRequiredService<DomainResolver>().ResolveAsync(domain);
        return ((DomainTarget.Hosted)target!).Worker;
    }

    private static ChaosScript ScriptOf(JsonElement input) => Scripts[input.GetProperty("workflow_id").GetString()!];

    private static string? Text(JsonElement input, string name) =>
        input.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Exception Transient(string where) => Interlocked.Increment(ref s_failures) % 2 == 0
        ? new SiloUnavailableException($"chaos: the silo died {where}")
        : new ClusterUnavailableException($"chaos: the cluster is unavailable {where}");
}
