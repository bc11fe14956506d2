namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A grain with persistent state in a named and in the default grain storage.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount, string note);

    Task<CounterSnapshot> Get();

    Task Clear();
}
