using System.Collections.Concurrent;
using System.Globalization;
using Rayswarm.Cluster.TestGrains;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Real Silo processes on PostgreSQL: a silo is killed with SIGKILL while events flow through the event log's streams.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class StreamFailoverTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    [Fact]
    public async Task Every_acknowledged_event_reaches_every_subscriber_in_order_per_stream_after_a_silo_is_killed()
    {
        await Cluster.EnsureSilosAsync(3);
        await using var client = await Cluster.ConnectAsync();
        var recorders = new[] { "audit", "monitor" }.Select(k => client.GetGrain<IEventRecorderGrain>(k)).ToArray();
        await recorders[0].Subscribe("bus", "*").Within();
        await recorders[1].Subscribe("bus", "ml.*").Within();
        var keys = Enumerable.Range(0, 8).Select(i => $"ml.s{i}").ToArray();

        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var publishing = keys.Select(key => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try { acknowledged.Add($"{key}#{await client.GetGrain<IEventPublisherGrain>(key).Publish(n)}"); }
                catch (Exception) { Interlocked.Increment(ref failures); } // not acknowledged: not counted
            }
        })).ToArray();

        await Eventually.True(() => acknowledged.Count > 80, "events flowing");
        var victim = Cluster.Live[1];
        Log($"killing silo {victim.SiloPort} after {acknowledged.Count} acknowledged events");
        victim.Kill();
        var before = acknowledged.Count;
        await Eventually.True(() => acknowledged.Count > before + 80, "events flowing again after the kill", 60_000);
        stop.Cancel();
        await Task.WhenAll(publishing).Within(30_000);
        Log($"{acknowledged.Count} acknowledged, {failures} publishes failed");

        var expected = acknowledged.ToHashSet();
        foreach (var recorder in recorders)
        {
            List<string> received = [];
            try
            {
                await Eventually.True(async () =>
                {
                    try { received = await recorder.Received(); }
                    catch (Exception) { return false; } // its silo just died: not yet declared dead
                    return expected.IsSubsetOf(received);
                }, $"{recorder.GetPrimaryKeyString()} received every acknowledged event", 90_000);
            }
            catch (TimeoutException)
            {
                var missing = expected.Except(received).Order().ToList();
                Log($"{recorder.GetPrimaryKeyString()}: {missing.Count} of {expected.Count} missing, e.g. {string.Join(", ", missing.Take(20))}; received {received.Count}");
                throw;
            }

            // In order per stream: the first time each sequence arrives, it follows the previous one.
            foreach (var group in received.Distinct().GroupBy(r => r.Split('#')[0]))
            {
                var sequences = group.Select(r => long.Parse(r.Split('#')[1], CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            }
        }
    }
}
