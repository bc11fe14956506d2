using System.Diagnostics;
using Orleans.Dashboard;
using Rayswarm.Grains;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>dashboard-overhead</c>: what the dashboard and metrics cost grain calls. Runs the default <c>local-calls</c> load
/// (64 callers, 10,000 reentrant grains) on a fresh silo co-hosted with ASP.NET Core as the embedded gateway hosts it, first
/// with both off, then with both on: the Orleans dashboard as every silo adds it
/// (<see cref="ClusterDashboard.AddClusterDashboard(ISiloBuilder, ClusterDashboardOptions?)"/>, our defaults) mapped at
/// <c>/dashboard</c>, and the OpenTelemetry meters with <c>/metrics</c> (our defaults), while a client polls as an open
/// overview tab does (<c>DashboardCounters</c>, <c>ClusterStats</c> and <c>TopGrainMethods</c> every second) and Prometheus
/// scrapes <c>/metrics</c> every 5 s. Off and on alternate for <see cref="Rounds"/> rounds each, so neither gets the warmer
/// process. <c>overhead_pct</c> = (off − on) / off of the mean calls per second; <c>ops_per_sec</c> is the mean with both
/// on. <c>cpu_overhead_pct</c> compares this process's CPU per call instead, which a busy machine disturbs less.
/// <c>--variant</c> turns on only a part: <c>dashboard</c> (the dashboard, polled), <c>metrics</c> (the meters, scraped), or
/// measures the host instead: <c>web</c> (off is a plain silo, on the ASP.NET Core host with neither).
/// </summary>
public static class DashboardOverheadScenario
{
    private const int Rounds = 3;
    private static readonly TimeSpan s_pollPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_scrapePeriod = TimeSpan.FromSeconds(5);
    private static readonly string[] s_dashboardPolls = ["dashboard/DashboardCounters", "dashboard/ClusterStats", "dashboard/TopGrainMethods"];

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var variant = args.Variant ?? "both";
        var (dashboard, metrics) = variant switch
        {
            "both" => (true, true),
            "web" => (false, false),
            "dashboard" => (true, false),
            "metrics" => (false, true),
            _ => throw new ArgumentException($"Unknown dashboard-overhead variant '{variant}': both, web, dashboard or metrics."),
        };
        List<double> off = [], on = [], offCpu = [], onCpu = [];
        var polls = new PollCounts();
        LatencyHistogram onLatency = new();
        for (var round = 1; round <= Rounds; round++)
        {
            await using (var silo = variant == "web" ? await BenchSilo.StartAsync() : (await BenchSilo.StartWebAsync(null, _ => { }, _ => { })).Silo)
            {
                var (ops, latency, cpu) = await LocalCallsScenario.MeasureDefaultAsync(silo.Grains, args.Duration);
                off.Add(ops);
                offCpu.Add(cpu.MicrosecondsPer(latency.Count));
            }
            var (webSilo, address) = await BenchSilo.StartWebAsync(
                silo => { if (dashboard) { silo.AddClusterDashboard(); } },
                web => { if (metrics) { web.AddRayswarmTelemetry(new TelemetryOptions { ServiceName = "rayswarm-bench", Prometheus = true }); } },
                app =>
                {
                    if (dashboard) { app.MapOrleansDashboard("/dashboard"); }
                    if (metrics) { app.MapMetrics(); }
                });
            await using (webSilo)
            {
                using var stop = new CancellationTokenSource();
                var poller = PollAsync(address, dashboard, metrics, polls, stop.Token);
                var (ops, latency, cpu) = await LocalCallsScenario.MeasureDefaultAsync(webSilo.Grains, args.Duration);
                await stop.CancelAsync();
                await poller;
                on.Add(ops);
                onCpu.Add(cpu.MicrosecondsPer(latency.Count));
                onLatency = latency;
            }
            await Console.Error.WriteLineAsync($"round {round}: off {off[^1]:N0}/s, on {on[^1]:N0}/s");
        }
        if (polls.Failed > 0 || (dashboard && polls.Ok == 0) || (metrics && polls.Scrapes == 0))
        {
            throw new InvalidOperationException($"The dashboard was not polled as an open tab would be: {polls.Ok} polls answered, {polls.Failed} failed.");
        }
        var overhead = (off.Average() - on.Average()) / off.Average() * 100;
        return new BenchmarkResult("dashboard-overhead", on.Average(), onLatency.PercentileUs(50), onLatency.PercentileUs(99))
            .With("variant", variant)
            .With("overhead_pct", Math.Round(overhead, 2))
            .With("baseline_ops_per_sec", Math.Round(off.Average()))
            .With("off_ops_per_sec", string.Join(' ', off.Select(o => Math.Round(o))))
            .With("on_ops_per_sec", string.Join(' ', on.Select(o => Math.Round(o))))
            .With("cpu_overhead_pct", Math.Round((onCpu.Average() - offCpu.Average()) / offCpu.Average() * 100, 2))
            .With("cpu_us_per_call_off", Math.Round(offCpu.Average(), 2))
            .With("cpu_us_per_call_on", Math.Round(onCpu.Average(), 2))
            .With("dashboard_polls", polls.Ok)
            .With("metrics_scrapes", polls.Scrapes)
            .With("baseline", variant == "web" ? "plain silo" : "web host, dashboard and metrics off")
            .With("grain_call_profiler", false)
            .With("silo_counters", false)
            .With("orleans_message_instruments", false);
    }

    /// <summary>The open tab and the scraper, until <paramref name="stop"/>; every answer must be a 200.</summary>
    private static async Task PollAsync(Uri address, bool dashboard, bool metrics, PollCounts counts, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var lastScrape = Stopwatch.GetTimestamp() - s_scrapePeriod.Ticks;
        using var ticks = new PeriodicTimer(s_pollPeriod);
        try
        {
            do
            {
                foreach (var path in dashboard ? s_dashboardPolls : []) { await GetAsync(http, path, counts, scrape: false, stop); }
                if (metrics && Stopwatch.GetElapsedTime(lastScrape) >= s_scrapePeriod)
                {
                    lastScrape = Stopwatch.GetTimestamp();
                    await GetAsync(http, "metrics", counts, scrape: true, stop);
                }
            }
            while (await ticks.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the measured phase is over
        }
    }

    private static async Task GetAsync(HttpClient http, string path, PollCounts counts, bool scrape, CancellationToken stop)
    {
        using var response = await http.GetAsync(path, stop);
        await response.Content.ReadAsByteArrayAsync(stop);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref counts.Failed);
            await Console.Error.WriteLineAsync($"GET /{path}: {(int)response.StatusCode}");
        }
        else if (scrape) { Interlocked.Increment(ref counts.Scrapes); }
        else { Interlocked.Increment(ref counts.Ok); }
    }

    private sealed class PollCounts
    {
        public int Ok;
        public int Scrapes;
        public int Failed;
    }
}
