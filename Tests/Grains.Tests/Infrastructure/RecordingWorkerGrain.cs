using System.Collections.Concurrent;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A hosted domain that records the bus events it receives, per domain id and per test run.</summary>
[GrainType(nameof(RecordingWorkerGrain))]
public sealed class RecordingWorkerGrain : Grain, IDomainWorkerGrain
{
    public const string First = "ev_worker_one";
    public const string Second = "ev_worker_two";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<DomainEvent>> s_received = new();

    /// <summary>Events received by <paramref name="domainId"/> whose source is <paramref name="source"/> (tests use their own sources).</summary>
    public static DomainEvent[] Received(string domainId, string source) =>
        s_received.TryGetValue(domainId, out var q) ? [.. q.Where(e => e.SourceDomain == source)] : [];

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult<IReadOnlyList<DomainActionInfo>>([]);

    public Task<JsonElement> Execute(string action, JsonElement input) => throw new ArgumentException($"No action '{action}'.", nameof(action));

    public Task Compensate(string action, JsonElement input, JsonElement output) => Task.CompletedTask;

    public Task OnEvent(DomainEvent domainEvent)
    {
        s_received.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
