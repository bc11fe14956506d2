using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Cluster.TestGrains;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>cross-silo-calls</c>: two silo processes on loopback (this process is one, a Silo executable the other),
/// callers here, grains on the other silo. Pipelined throughput with many callers; sequential latency with one;
/// and the raw 16-byte TCP round trip on loopback measured in the same run as the baseline.
/// </summary>
public static class CrossSiloCallsScenario
{
    private const int PipelinedCallers = 256;
    private const int GrainCount = 1_000;
    private const int SequentialCalls = 20_000;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        // The baseline first, on a quiet machine: async sockets on the thread pool, the machinery the transport uses.
        var baseline = await TcpRoundTrip.MeasureAsync(SequentialCalls * 2);
        await Console.Error.WriteLineAsync($"raw TCP round trip p50 {baseline.PercentileUs(50):F1} us");

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        const string clusterId = "bench-cross", secret = "bench-secret";
        await using var remote = await ExternalSilo.StartAsync(database, clusterId, secret);
        using var local = await StartLocalSiloAsync(database, clusterId, secret);
        var grains = local.Services.GetRequiredService<IGrainFactory>();

        // Grains with random placement; keep those that landed on the other silo.
        var targets = new List<IPingGrain>();
        for (var key = 0L; targets.Count < GrainCount; key++)
        {
            var grain = grains.GetGrain<IPingGrain>(key);
            if (await grain.Silo() == remote.Address) { targets.Add(grain); }
        }

        // Pipelined first: it also warms every path (JIT tiering would otherwise show up in the sequential tail).
        ValueTask Call(int caller, long n) => new(targets[(int)((caller * 31 + n) % targets.Count)].Ping((int)n));
        await CallLoad.RunAsync(PipelinedCallers, TimeSpan.FromSeconds(Math.Min(3, args.Duration.TotalSeconds / 2)), Call);
        var (ops, latency) = await CallLoad.RunAsync(PipelinedCallers, args.Duration, Call);
        await Console.Error.WriteLineAsync($"pipelined {ops:N0} calls/s");

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

        await local.StopAsync();
        await postgres.DisposeAsync();
        return new BenchmarkResult("cross-silo-calls", ops, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("callers", PipelinedCallers)
            .With("seq_p50_us", Math.Round(sequential.PercentileUs(50), 1))
            .With("seq_p99_us", Math.Round(sequential.PercentileUs(99), 1))
            .With("baseline_rtt_p50_us", Math.Round(baseline.PercentileUs(50), 1))
            .With("seq_p50_over_rtt", sequential.PercentileUs(50) / baseline.PercentileUs(50));
    }

    private static async Task<IHost> StartLocalSiloAsync(string database, string clusterId, string secret)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseSilo(silo => silo
            .UseClustering(c => { c.ClusterId = clusterId; c.Secret = secret; }, e => e.Port = 0)
            .UsePostgresClustering(database)
            .AddMemoryGrainStorage());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
