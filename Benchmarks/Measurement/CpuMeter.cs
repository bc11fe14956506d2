using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>This process's CPU time over a phase: on a shared 2-core machine the CPU an operation costs is steadier than its
/// rate, so scenarios report both.</summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan _start;

    private CpuMeter(TimeSpan start) => _start = start;

    public static CpuMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>CPU microseconds per operation since the start.</summary>
    public double MicrosecondsPer(double operations) =>
        operations <= 0 ? 0 : (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMicroseconds / operations;
}
