namespace Rayswarm.Benchmarks;

/// <summary><see cref="IBenchGrain"/> with the method [AlwaysInterleave].</summary>
public interface IInterleavedBenchGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    Task<int> Ping(int value);
}
