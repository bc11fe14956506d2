using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>
/// A hosted test domain (one grain per domain id). Actions, by name: "echo" returns
/// <c>{"domain", "tag", "seen": input.dependencies}</c>; "fail" throws; "sleep" waits <c>data.ms</c> then echoes; "meet"
/// waits until <c>data.parties</c> steps reached the barrier <c>data.barrier</c> (10 s deadline, else it throws).
/// Compensation records itself, and throws for the action "undo_fails". Everything is logged per workflow in <see cref="Log"/>.
/// Reentrant, so a sleeping action does not hold up the domain's other calls.
/// </summary>
[Reentrant]
[GrainType(nameof(TestDomainGrain))]
public sealed class TestDomainGrain : Grain, IDomainWorkerGrain
{
    /// <summary>(workflow id) → "execute:tag" and "compensate:tag" lines, in the order they happened.</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Log = new();

    private static readonly ConcurrentDictionary<string, Barrier> s_barriers = new();

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() =>
        Task.FromResult<IReadOnlyList<DomainActionInfo>>([new DomainActionInfo("echo", "Echoes its tag and what it saw.", "{}", true)]);

    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var data = input.GetProperty("data");
        var tag = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("tag", out var t) ? t.GetString() : null;
        Record(input, $"execute:{tag}");
        switch (action)
        {
            case "fail":
                throw new InvalidOperationException($"{tag} failed on purpose");
            case "sleep":
                await Task.Delay(data.GetProperty("ms").GetInt32());
                break;
            case "meet":
                var barrier = s_barriers.GetOrAdd(data.GetProperty("barrier").GetString()!, _ => new Barrier(data.GetProperty("parties").GetInt32()));
                await barrier.ArriveAsync(TimeSpan.FromSeconds(10));
                break;
        }
        return JsonSerializer.SerializeToElement(new JsonObject
        {
            ["domain"] = this.GetPrimaryKeyString(),
            ["tag"] = tag,
            ["seen"] = JsonNode.Parse(input.GetProperty("dependencies").GetRawText()),
        });
    }

    public Task Compensate(string action, JsonElement input, JsonElement output)
    {
        Record(input, $"compensate:{output.GetProperty("tag").GetString()}");
        if (action == "undo_fails") { throw new InvalidOperationException("cannot undo"); }
        return Task.CompletedTask;
    }

    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private static void Record(JsonElement input, string line) =>
        Log.GetOrAdd(input.GetProperty("workflow_id").GetString()!, _ => new ConcurrentQueue<string>()).Enqueue(line);

    /// <summary>Opens when its last party arrives.</summary>
    private sealed class Barrier(int parties)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public async Task ArriveAsync(TimeSpan deadline)
        {
            if (Interlocked.Increment(ref _arrived) >= parties) { _open.TrySetResult(); }
            try
            {
                await _open.Task.WaitAsync(deadline);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"only {Volatile.Read(ref _arrived)} of {parties} steps reached the barrier: they did not run concurrently");
            }
        }
    }
}
