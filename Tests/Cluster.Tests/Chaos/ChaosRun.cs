using System.Diagnostics;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// One chaos run, as the benchmark's <c>chaos</c> scenario and the chaos test do it: a fresh PostgreSQL database, silos and a
/// gateway (<see cref="ChaosCluster"/>), an endpoint domain on loopback subscribed to the load's events, the mixed load through
/// the gateway (<see cref="MixedLoad"/>) while <see cref="ChaosMonkey"/> kills, then the drain and the checks
/// (<see cref="ChaosChecker"/>).
/// </summary>
public static class ChaosRun
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <param name="options">What to run.</param>
    /// <param name="log">Progress and findings, a line at a time.</param>
    /// <param name="onServed">Called with the latency (Stopwatch ticks) of each request served during the load.</param>
    public static async Task<ChaosResult> RunAsync(ChaosOptions options, Action<string> log, Action<long>? onServed = null)
    {
        var plan = options.Plan();
        log($"chaos plan (seed {options.Seed}): {(plan.Count == 0 ? "nothing" : string.Join(", ", plan))}, one every {options.KillEvery.TotalSeconds} s of {options.Duration.TotalSeconds} s");
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            var delivered = new DeliveredEvents();
            await using var sink = await EndpointDomain.StartAsync();
            sink.Handler = delivered.HandleAsync;
            await using var cluster = await ChaosCluster.StartAsync(database, options.Silos, options.Seed, log);
            using var traffic = new GatewayTraffic(cluster.Gateway, onServed);
            await SubscribeAsync(traffic, sink.Endpoint);

            var load = new MixedLoad(traffic, options);
            var monkey = new ChaosMonkey(cluster, options);
            using var loadEnd = new CancellationTokenSource();
            using var giveUp = new CancellationTokenSource(options.Duration + options.DrainDeadline);
            log("load starts");
            traffic.StartMeasuring();
            var started = Stopwatch.GetTimestamp();
            var running = load.RunAsync(loadEnd.Token, giveUp.Token);
            var chaos = monkey.RunAsync(loadEnd.Token);
            var progress = ProgressAsync(load, traffic, cluster, log, loadEnd.Token);
            await Task.Delay(options.Duration);
            await loadEnd.CancelAsync();
            traffic.StopMeasuring();
            var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.WhenAll(running, progress);
            log($"load over after {loadSeconds:F1} s: {load.AckedEvents.Count} events, {load.AckedContributions.Count} contributions, {load.Workflows.Count} workflows acknowledged; draining");

            var checker = new ChaosChecker(traffic, load, delivered, log);
            await Task.WhenAll(chaos, checker.DrainAsync(options.DrainDeadline));
            var figures = await checker.CheckAsync(options.IndexConvergence) with
            {
                Kills = monkey.Kills,
                Pauses = monkey.Pauses,
                GatewayKills = monkey.GatewayKills,
                GatewayDownSeconds = monkey.GatewayDown.TotalSeconds,
                Http500 = traffic.Http500,
                Http503 = traffic.Http503,
                HttpNoAnswer = traffic.NoAnswer,
                MaxUnavailableSeconds = traffic.LongestUnavailable.TotalSeconds,
                Served = traffic.Served,
                LoadSeconds = loadSeconds,
            };
            log(figures.ToString());
            var samples = traffic.ErrorSamples.ToArray();
            foreach (var sample in samples) { log(sample); }
            return new ChaosResult(figures, samples, cluster.Outputs());
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>Registers the endpoint domain and subscribes it to the load's events (the cluster may still be forming).</summary>
    private static async Task SubscribeAsync(GatewayTraffic traffic, string endpoint)
    {
        await Eventually.True(async () => (await traffic.PostAsync("/domains/register",
                new { domain_id = MixedLoad.EndpointDomain, endpoint, capabilities = new[] { "chaos" } }, CancellationToken.None)).Ok,
            "the endpoint domain registered", 60_000);
        await Eventually.True(async () => (await traffic.PostAsync("/domains/events/subscribe",
                new { domain_id = MixedLoad.EndpointDomain, pattern = MixedLoad.EventType }, CancellationToken.None)).Ok,
            "the endpoint domain subscribed", 60_000);
    }

    private static async Task ProgressAsync(MixedLoad load, GatewayTraffic traffic, ChaosCluster cluster, Action<string> log, CancellationToken loadEnd)
    {
        using var timer = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(loadEnd))
            {
                log($"acknowledged {load.AckedEvents.Count} events, {load.AckedContributions.Count} contributions, {load.Workflows.Count} workflows; " +
                    $"{traffic.Http503} × 503, {traffic.Http500} other 5xx, {traffic.NoAnswer} unanswered; {cluster.Serving} silos serve");
            }
        }
        catch (OperationCanceledException) when (loadEnd.IsCancellationRequested)
        {
            // the load is over
        }
    }
}
