namespace Rayswarm.Benchmarks;

/// <summary>A caller that is itself a grain (the local-calls "from-grain" variant): grain-to-grain calls instead of calls from
/// outside any grain through the silo's <see cref="IGrainFactory"/>.</summary>
public interface IBenchCallerGrain : IGrainWithIntegerKey
{
    /// <summary>Calls <paramref name="grainCount"/> bench grains of class <paramref name="grainClass"/> one at a time for
    /// <paramref name="duration"/>; returns the calls made (latencies go to <see cref="BenchCallerGrain.Latencies"/>).</summary>
    [ResponseTimeout("01:00:00")]
    Task<long> Run(int grainCount, string grainClass, TimeSpan duration);
}
