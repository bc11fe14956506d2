namespace Rayswarm.Benchmarks;

/// <summary>The implementations of <see cref="IBenchGrain"/> by local-calls variant: the grain class name to pass to
/// <c>GetGrain</c>.</summary>
public static class BenchGrainClasses
{
    public static readonly string Plain = typeof(PlainBenchGrain).FullName!;
    public static readonly string Reentrant = typeof(ReentrantBenchGrain).FullName!;
    public static readonly string StatelessWorker = typeof(StatelessBenchGrain).FullName!;
}
