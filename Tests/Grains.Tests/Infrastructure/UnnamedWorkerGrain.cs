using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A domain worker without a <c>[GrainType]</c>: a module may not use it (its grain type would follow a rename).</summary>
public sealed class UnnamedWorkerGrain : Grain, IDomainWorkerGrain
{
    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult<IReadOnlyList<DomainActionInfo>>([]);

    public Task<JsonElement> Execute(string action, JsonElement input) => throw new ArgumentException("Nothing to run.", nameof(action));

    public Task Compensate(string action, JsonElement input, JsonElement output) => Task.CompletedTask;

    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;
}
