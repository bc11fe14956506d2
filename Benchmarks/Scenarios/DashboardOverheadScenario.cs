using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Orleans.Dashboard;
using Rayswarm.Gateway;
using Rayswarm.Grains;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>dashboard-overhead</c>: what the dashboard and metrics cost grain calls. Runs the default <c>local-calls</c> load
/// (64 callers, 10,000 reentrant grains) on a fresh silo co-hosted with ASP.NET Core as the embedded gateway hosts it, first
/// with both off, then with both on: the Orleans dashboard as every silo adds it
/// (<see cref="ClusterDashboard.AddClusterDashboard(ISiloBuilder, ClusterDashboardOptions?)"/>, our defaults) mapped at
/// <c>/dashboard</c>, and the OpenTelemetry meters with <c>/metrics</c> (our defaults), while a client polls as an open
/// overview tab does (<c>DashboardCounters</c>, <c>ClusterStats</c> and <c>TopGrainMethods</c> every second), an open
/// <c>/dashboard/domains</c> tab reads its eight <c>/domains</c> APIs every 3 s as its script does, and Prometheus scrapes
/// <c>/metrics</c> every 5 s. Both phases' hosts run the domain system and map its APIs; only the dashboard, the meters
/// and the polling differ. Off and on alternate for <see cref="Rounds"/> rounds each, so neither gets the warmer
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
    private static readonly TimeSpan s_domainViewsPeriod = TimeSpan.FromSeconds(3);
    private static readonly string[] s_dashboardPolls = ["dashboard/DashboardCounters", "dashboard/ClusterStats", "dashboard/TopGrainMethods"];

    // What Gateway/Dashboard/Views/domains.js reads on every refresh.
    private static readonly string[] s_domainViewPolls =
    [
        "domains/system/overview", "domains/list", "domains/events/rates", "domains/events/subscriptions",
        "domains/workflows/list?status=completed&limit=10", "domains/workflows/list?status=rolled_back&limit=10",
        "domains/memory/top-contributors?limit=10", "domains/memory/confidence",
    ];

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
            await using (var silo = variant == "web" ? await BenchSilo.StartAsync() : (await BenchSilo.StartWebAsync(null, WebApis, MapApis)).Silo)
            {
                var (ops, latency, cpu) = await LocalCallsScenario.MeasureDefaultAsync(silo.Grains, args.Duration);
                off.Add(ops);
                offCpu.Add(cpu.MicrosecondsPer(latency.Count));
            }
            var (webSilo, address) = await BenchSilo.StartWebAsync(
                silo => { if (dashboard) { silo.AddClusterDashboard(); } },
                web =>
                {
                    WebApis(web);
                    if (metrics) { web.AddRayswarmTelemetry(new TelemetryOptions { ServiceName = "rayswarm-bench", Prometheus = true }); }
                },
                app =>
                {
                    MapApis(app); // with the meters on, this maps /metrics as the gateway does
                    if (dashboard) { app.MapOrleansDashboard("/dashboard"); }
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
        if (polls.Failed > 0 || (dashboard && (polls.Ok == 0 || polls.DomainViews == 0)) || (metrics && polls.Scrapes == 0))
        {
            throw new InvalidOperationException(
                $"The dashboard was not polled as open tabs would be: {polls.Ok} dashboard and {polls.DomainViews} domain view polls answered, {polls.Failed} failed.");
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
            .With("domain_view_polls", polls.DomainViews)
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
        var lastDomainViews = Stopwatch.GetTimestamp() - s_domainViewsPeriod.Ticks;
        using var ticks = new PeriodicTimer(s_pollPeriod);
        try
        {
            do
            {
                foreach (var path in dashboard ? s_dashboardPolls : []) { await GetAsync(http, path, counts, PollKind.Dashboard, stop); }
                if (dashboard && Stopwatch.GetElapsedTime(lastDomainViews) >= s_domainViewsPeriod)
                {
                    lastDomainViews = Stopwatch.GetTimestamp();
                    // The page's script reads them all at once.
                    await Task.WhenAll(s_domainViewPolls.Select(path => GetAsync(http, path, counts, PollKind.DomainViews, stop)));
                }
                if (metrics && Stopwatch.GetElapsedTime(lastScrape) >= s_scrapePeriod)
                {
                    lastScrape = Stopwatch.GetTimestamp();
                    await GetAsync(http, "metrics", counts, PollKind.Scrape, stop);
                }
            }
            while (await ticks.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the measured phase is over
        }
    }

    private static void WebApis(WebApplicationBuilder web) => web.Services.AddGatewayJson();

    private static void MapApis(WebApplication app) => app.MapDomainApis();

    private static async Task GetAsync(HttpClient http, string path, PollCounts counts, PollKind kind, CancellationToken stop)
    {
        using var response = await http.GetAsync(path, stop);
        await response.Content.ReadAsByteArrayAsync(stop);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref counts.Failed);
            await Console.Error.WriteLineAsync($"GET /{path}: {(int)response.StatusCode}");
        }
        else if (kind == PollKind.Scrape) { Interlocked.Increment(ref counts.Scrapes); }
        else if (kind == PollKind.DomainViews) { Interlocked.Increment(ref counts.DomainViews); }
        else { Interlocked.Increment(ref counts.Ok); }
    }

    private enum PollKind { Dashboard, DomainViews, Scrape }

    private sealed class PollCounts
    {
        public int Ok;
        public int DomainViews;
        public int Scrapes;
        public int Failed;
    }
}
