namespace Rayswarm.Benchmarks;

/// <summary>The activations scenario's "always-active" variant.</summary>
public interface IAlwaysActiveEmptyGrain : IGrainWithIntegerKey
{
    Task Touch();
}
