namespace Rayswarm.Benchmarks;

public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task Touch() => Task.CompletedTask;
}
