using System.Diagnostics;

namespace Rayswarm.Cli;

/// <summary>Calls one <see cref="BenchmarkTarget"/> from <c>concurrency</c> loops for a while, timing every call.</summary>
internal sealed class LoadRun(GatewayClient gateway, BenchmarkTarget target, int concurrency, TimeSpan duration)
{
    private long _sequence;

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => LoopAsync(stop.Token), CancellationToken.None)).ToArray();
        var counts = await Task.WhenAll(loops);
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        var latencies = counts.SelectMany(c => c.Latencies).ToArray();
        Array.Sort(latencies);
        return new BenchmarkResult(
            "cli-benchmark", target.Name, gateway.BaseAddress.ToString(), Math.Round(clock.Elapsed.TotalSeconds, 3), concurrency,
            latencies.Length, counts.Sum(c => c.Errors), counts.Sum(c => c.Failed),
            Math.Round(latencies.Length / clock.Elapsed.TotalSeconds, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length > 0 ? latencies[^1] : 0);
    }

    private async Task<(List<long> Latencies, long Errors, long Failed)> LoopAsync(CancellationToken stop)
    {
        var latencies = new List<long>(4096);
        long errors = 0, failed = 0;
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _sequence);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var status = await gateway.SendForStatusAsync(target.Method, target.Path(n), target.Body(n), stop);
                if (status is >= 200 and < 300) { latencies.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds); }
                else { errors++; }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // the call cut short by the end of the run is not counted
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }
        return (latencies, errors, failed);
    }

    /// <summary>Nearest-rank percentile of sorted microseconds.</summary>
    private static long Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
