using System.Diagnostics;
using Rayswarm.Cluster.TestGrains;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>cross-silo-calls</c>: two silos in separate processes on loopback — a <c>Silo</c> executable (the product's silo, on its
/// own SQLite file, the development-clustering primary) and this process's silo (the product's configuration, joined to it);
/// callers here, grains on the other silo. Pipelined throughput with 256 callers; then, after warm-up, sequential latency with
/// one caller; and the raw 16-byte TCP round trip on loopback measured in the same run as the baseline.
/// <c>cpu_us_per_call</c> adds both processes' CPU per call of the pipelined phase.
/// </summary>
public static class CrossSiloCallsScenario
{
    private const int PipelinedCallers = 256;
    private const int GrainCount = 1_000;
    private const int SequentialCalls = 20_000;
    private const string ClusterId = "bench-cross";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        // The baseline first, on a quiet machine: async sockets on the thread pool, the machinery the transport uses.
        var baseline = await TcpRoundTrip.MeasureAsync(SequentialCalls * 2);
        await Console.Error.WriteLineAsync($"raw TCP round trip p50 {baseline.PercentileUs(50):F1} us, p99 {baseline.PercentileUs(99):F1} us");

        await using var remote = await ExternalSilo.StartAsync(ClusterId);
        await using var local = await BenchSilo.StartAsync(primarySilo: remote.SiloEndpoint, clusterId: ClusterId);
        var grains = local.Grains;

        // Grains with random placement; keep those that landed on the other silo.
        var targets = new List<IPingGrain>();
        for (var key = 0L; targets.Count < GrainCount; key++)
        {
            var grain = grains.GetGrain<IPingGrain>(key);
            if (SiloAddress.FromParsableString(await grain.Silo()).Endpoint.Port == remote.SiloPort) { targets.Add(grain); }
        }

        // Pipelined first: it also warms every path (JIT tiering would otherwise show up in the sequential tail).
        ValueTask Call(int caller, long n) => new(targets[(int)(((caller * 31) + n) % targets.Count)].Ping((int)n));
        await CallLoad.RunAsync(PipelinedCallers, TimeSpan.FromSeconds(Math.Min(3, args.Duration.TotalSeconds / 2)), Call);
        var cpu = CpuMeter.Start();
        var remoteCpu = remote.CpuTime;
        var (ops, latency) = await CallLoad.RunAsync(PipelinedCallers, args.Duration, Call);
        var callerCpu = cpu.MicrosecondsPer(latency.Count);
        var calleeCpu = (remote.CpuTime - remoteCpu).TotalMicroseconds / latency.Count;
        var cpuPerCall = callerCpu + calleeCpu;
        await Console.Error.WriteLineAsync($"pipelined {ops:N0} calls/s, {cpuPerCall:F1} us CPU per call ({callerCpu:F1} caller + {calleeCpu:F1} callee)");

        var sequential = new LatencyHistogram();
        var warmUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        for (var i = 0; Stopwatch.GetTimestamp() < warmUntil; i++) { await targets[i % targets.Count].Ping(i); }
        for (var i = 0; i < SequentialCalls; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            await targets[i % targets.Count].Ping(i);
            sequential.Record(Stopwatch.GetTimestamp() - t0);
        }
        await Console.Error.WriteLineAsync($"sequential p50 {sequential.PercentileUs(50):F1} us, p99 {sequential.PercentileUs(99):F1} us");

        return new BenchmarkResult("cross-silo-calls", ops, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("callers", PipelinedCallers)
            .With("cpu_us_per_call", Math.Round(cpuPerCall, 2))
            .With("caller_cpu_us_per_call", Math.Round(callerCpu, 2))
            .With("callee_cpu_us_per_call", Math.Round(calleeCpu, 2))
            .With("seq_p50_us", Math.Round(sequential.PercentileUs(50), 1))
            .With("seq_p99_us", Math.Round(sequential.PercentileUs(99), 1))
            .With("baseline_rtt_p50_us", Math.Round(baseline.PercentileUs(50), 1))
            .With("baseline_rtt_p99_us", Math.Round(baseline.PercentileUs(99), 1))
            .With("seq_p50_over_rtt", sequential.PercentileUs(50) / baseline.PercentileUs(50));
    }
}
