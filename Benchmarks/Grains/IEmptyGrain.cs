namespace Rayswarm.Benchmarks;

/// <summary>The activations scenario's grain: no state, no fields; one call activates it.</summary>
public interface IEmptyGrain : IGrainWithIntegerKey
{
    Task Touch();
}
