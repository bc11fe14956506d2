namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The count of a <see cref="CounterGrain"/>.</summary>
public sealed class CounterState
{
    public int Count { get; set; }
}
