using Xunit.Abstractions;
using System.Collections.Concurrent;
using Rayswarm.Cluster.TestGrains;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Real Silo processes on real PostgreSQL: a silo killed with SIGKILL, a silo stopped with SIGTERM, a silo without the secret.</summary>
[Trait("Category", "Slow")]
public sealed class FailoverTests(PostgresServer postgres, ITestOutputHelper output) : SiloProcessCluster(postgres, output)
{
    [Fact]
    public async Task A_killed_silos_grains_answer_again_elsewhere_with_their_acknowledged_state_and_one_activation_at_a_time()
    {
        await StartSilosAsync(3);
        await using var client = await ConnectAsync();
        var keys = Enumerable.Range(0, 24).Select(i => $"k{i}").ToArray();
        var log = new ConcurrentDictionary<string, ConcurrentQueue<Served>>();
        foreach (var key in keys) { log[key] = new ConcurrentQueue<Served>([await client.GetGrain<ICounterGrain>(key).Increment().Within()]); }

        var victim = Silos[1];
        var hosted = keys.Where(k => log[k].Last().Silo == victim.Address).ToArray();
        Assert.NotEmpty(hosted);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[(worker * 7 + n) % keys.Length];
                try { log[key].Enqueue(await client.GetGrain<ICounterGrain>(key).Increment()); }
                catch (Exception e) when (e is SiloUnavailableException or GrainCallTimeoutException) { Interlocked.Increment(ref failures); }
            }
        })).ToArray();

        await Eventually.True(() => log.Values.Sum(q => q.Count) > keys.Length * 5, "load running");
        victim.Kill();

        // Every grain of the dead silo answers again, from another silo.
        foreach (var key in hosted)
        {
            await Eventually.True(() => log[key].LastOrDefault() is { } last && last.Silo != victim.Address, $"{key} served again elsewhere", 30_000);
        }
        stop.Cancel();
        await Task.WhenAll(load).Within(30_000);

        foreach (var key in keys)
        {
            var served = log[key].ToArray();
            var final = await client.GetGrain<ICounterGrain>(key).Get().Within();
            // No acknowledged increment is lost: the value never went back below what was acknowledged.
            Assert.True(final.Value >= served.Max(s => s.Value), $"{key}: final {final.Value} < acknowledged {served.Max(s => s.Value)}");
            // One activation at a time: each acknowledged value is unique, and once a newer activation served, an older never serves again.
            Assert.Equal(served.Length, served.Select(s => s.Value).Distinct().Count());
            var order = served.Select(s => s.Activation).Append(final.Activation).ToList();
            var runs = order.Where((a, i) => i == 0 || order[i - 1] != a).ToList();
            Assert.Equal(runs.Count, runs.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_silo_without_the_cluster_secret_cannot_join()
    {
        await StartSilosAsync(2);
        var intruder = await SiloProcess.StartAsync(Database, ClusterId, "not-the-secret", waitReady: false);
        Silos.Add(intruder);

        await Eventually.True(() => intruder.HasExited || Silos.Any(s => s.Output.Contains("refused", StringComparison.OrdinalIgnoreCase)), "the intruder refused", 60_000);
        await using var client = await ConnectAsync();
        Assert.Equal(2, client.Gateways.Count);
        Assert.All(Silos.Take(2), s => Assert.False(s.HasExited));
        Assert.Equal(1, (await client.GetGrain<ICounterGrain>("after-intruder").Increment().Within()).Value);
        await client.GetGrain<ICounterGrain>("after-intruder").Deactivate().Within(); // a Task method through the client
        Assert.Equal(1, (await client.GetGrain<ICounterGrain>("after-intruder").Get().Within()).Value);
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_hands_off_its_grains_without_failed_calls()
    {
        await StartSilosAsync(3);
        await using var client = await ConnectAsync();
        var keys = Enumerable.Range(0, 24).Select(i => $"g{i}").ToArray();
        foreach (var key in keys) { await client.GetGrain<ICounterGrain>(key).Increment().Within(); }

        using var stop = new CancellationTokenSource();
        var errors = new ConcurrentQueue<Exception>();
        var acked = new ConcurrentDictionary<string, long>();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = keys[(worker * 5 + n) % keys.Length];
                try
                {
                    var value = (await client.GetGrain<ICounterGrain>(key).Increment()).Value;
                    acked.AddOrUpdate(key, value, (_, old) => Math.Max(old, value));
                }
                catch (Exception e) { errors.Enqueue(e); }
            }
        })).ToArray();

        var leaving = Silos[2];
        leaving.Terminate();
        Assert.Equal(0, await leaving.WaitForExitAsync());
        await Eventually.True(() => client.Gateways.Count == 2, "the client saw the silo leave");
        var after = acked.Values.Sum();
        await Eventually.True(() => acked.Values.Sum() > after + 50, "calls continue after the hand-off");
        stop.Cancel();
        await Task.WhenAll(load).Within(30_000);

        foreach (var e in errors.Take(5)) { Log(e.ToString()); }
        Assert.Empty(errors);
        foreach (var key in keys)
        {
            var served = await client.GetGrain<ICounterGrain>(key).Get().Within();
            Assert.NotEqual(leaving.Address, served.Silo);
        }
    }
}
