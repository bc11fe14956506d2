namespace Rayswarm.Benchmarks;

/// <summary>The workflows scenario's baseline: one grain-state write per call, in the silo's default storage.</summary>
public interface IStateWriterGrain : IGrainWithIntegerKey
{
    Task Write(string payload);
}
