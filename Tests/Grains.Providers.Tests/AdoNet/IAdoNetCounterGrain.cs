namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>A counter kept in PostgreSQL grain storage that also registers a reminder.</summary>
public interface IAdoNetCounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();
}
