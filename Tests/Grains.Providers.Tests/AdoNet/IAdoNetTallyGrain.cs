namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Another grain type with the same state name as <see cref="IAdoNetCounterGrain"/>, to show they stay apart.</summary>
public interface IAdoNetTallyGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}
