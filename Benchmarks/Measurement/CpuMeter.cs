using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>This process's CPU time, allocations and GC pauses over a phase: on a shared 2-core machine what an operation
/// costs is steadier than its rate, so scenarios report both.</summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly TimeSpan _paused;
    private readonly long _started;
    private readonly int _collections;

    private CpuMeter(TimeSpan cpu, long allocated, TimeSpan paused, long started, int collections) =>
        (_cpu, _allocated, _paused, _started, _collections) = (cpu, allocated, paused, started, collections);

    public static CpuMeter Start() =>
        new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), Stopwatch.GetTimestamp(),
            GC.CollectionCount(0));

    /// <summary>CPU microseconds per operation since the start.</summary>
    public double MicrosecondsPer(double operations) =>
        operations <= 0 ? 0 : (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMicroseconds / operations;

    /// <summary>Bytes allocated (all threads) per operation since the start.</summary>
    public double BytesPer(double operations) => operations <= 0 ? 0 : (GC.GetTotalAllocatedBytes() - _allocated) / operations;

    /// <summary>Garbage collections (of any generation) per second since the start.</summary>
    public double CollectionsPerSecond() => (GC.CollectionCount(0) - _collections) / Stopwatch.GetElapsedTime(_started).TotalSeconds;

    /// <summary>The share (0..1) of the wall-clock time since the start that the GC held threads paused.</summary>
    public double GcPauseShare() => (GC.GetTotalPauseDuration() - _paused) / Stopwatch.GetElapsedTime(_started);
}
