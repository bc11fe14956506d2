using System.Runtime;

namespace Rayswarm.Benchmarks;

/// <summary>
/// Runs a load until the JIT is done with it: tiering (tier 0, instrumented, tier 1) finishes in seconds on a quiet machine
/// but took 15–20 s on the busy 2-core box, and a measurement that starts before it does reports the JIT's progress, not the
/// code's cost (3–4× the CPU per call).
/// </summary>
public static class WarmUp
{
    private const int Quiet = 30;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(1);

    /// <summary>Windows of one second until two in a row compile fewer than 30 methods (the silo's own background work
    /// compiles a few now and then); at least <paramref name="minimum"/> and at most <paramref name="maximum"/> in all.</summary>
    public static async Task RunAsync(Func<TimeSpan, Task<long>> load, TimeSpan minimum, TimeSpan maximum)
    {
        var spent = TimeSpan.Zero;
        var quietWindows = 0;
        double cost = 0;
        while (spent < maximum)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var cpu = CpuMeter.Start();
            var operations = await load(s_window);
            spent += s_window;
            cost = cpu.MicrosecondsPer(operations);
            quietWindows = JitInfo.GetCompiledMethodCount() - compiled < Quiet ? quietWindows + 1 : 0;
            if (quietWindows >= 2 && spent >= minimum)
            {
                await Console.Error.WriteLineAsync($"warmed up in {spent.TotalSeconds:F0} s ({cost:F2} us CPU per operation)");
                return;
            }
        }
        await Console.Error.WriteLineAsync($"warm-up stopped after {spent.TotalSeconds:F0} s, still compiling ({cost:F2} us CPU per operation)");
    }
}
