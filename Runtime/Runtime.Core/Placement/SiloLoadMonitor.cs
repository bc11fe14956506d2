using System.Diagnostics;

namespace Rayswarm.Runtime.Core;

/// <summary>Samples this process's CPU and memory use for load-aware placement (cheap: at most once a second).</summary>
internal sealed class SiloLoadMonitor
{
    private readonly Lock _gate = new();
    private long _lastSampleTicks;
    private TimeSpan _lastCpu;
    private double _cpu;

    /// <summary>CPU use of this process over the last second, as a share of all cores (0..1).</summary>
    public double Cpu
    {
        get
        {
            Sample();
            return _cpu;
        }
    }

    /// <summary>Managed memory in use as a share of what the GC may use (0..1).</summary>
    public double Memory
    {
        get
        {
            var info = GC.GetGCMemoryInfo();
            return info.TotalAvailableMemoryBytes <= 0 ? 0 : Math.Clamp((double)GC.GetTotalMemory(false) / info.TotalAvailableMemoryBytes, 0, 1);
        }
    }

    private void Sample()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var elapsed = Stopwatch.GetElapsedTime(_lastSampleTicks, now);
            if (_lastSampleTicks != 0 && elapsed < TimeSpan.FromSeconds(1)) { return; }
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            if (_lastSampleTicks != 0)
            {
                _cpu = Math.Clamp((cpu - _lastCpu).TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount), 0, 1);
            }
            _lastCpu = cpu;
            _lastSampleTicks = now;
        }
    }
}
