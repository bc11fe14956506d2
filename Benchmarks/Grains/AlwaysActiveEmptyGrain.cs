namespace Rayswarm.Benchmarks;

/// <summary><see cref="EmptyGrain"/> exempt from idle collection (the activations scenario's "always-active" variant): the
/// activation collector keeps no entry for it.</summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class AlwaysActiveEmptyGrain : Grain, IAlwaysActiveEmptyGrain
{
    public Task Touch() => Task.CompletedTask;
}
