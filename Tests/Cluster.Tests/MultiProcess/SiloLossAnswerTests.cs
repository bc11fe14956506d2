using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Issue 16's chaos in small: under HTTP load through a cluster-mode gateway (publishes with event ids and contributions),
/// one silo is stopped with SIGTERM, a new one joins, and another is killed with SIGKILL. Clients see 2xx, or 503 with
/// Retry-After while the cluster recovers; never a 500 and never a dropped connection.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class SiloLossAnswerTests(OwnSiloCluster cluster, ITestOutputHelper output)
    : SiloClusterTests<OwnSiloCluster>(cluster, output), IClassFixture<OwnSiloCluster>
{
    [Fact]
    public async Task Silos_stopped_and_killed_under_load_leave_clients_with_2xx_or_503_with_Retry_After_never_500()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var gateway = await Cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var answers = new ConcurrentQueue<(int Status, string? RetryAfter, string Body)>();
        var unanswered = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var (path, body) = n % 2 == 0
                    ? ("/domains/events/publish", JsonSerializer.Serialize(new { event_type = "chaos.ping", source_domain = "chaos", data = new { n }, event_id = $"w{worker}-{n}" }))
                    : ("/domains/memory/contribute", JsonSerializer.Serialize(new { domain_id = "chaos", contribution_type = "insight", content = new { n } }));
                try
                {
                    using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                    answers.Enqueue(((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync()));
                }
                catch (HttpRequestException e)
                {
                    unanswered.Enqueue(e);
                }
            }
        })).ToArray();
        int Ok() => answers.Count(a => a.Status is >= 200 and < 300);
        try
        {
            await Eventually.True(() => Ok() >= 50, "requests flow", 60_000);
            var stopped = Cluster.Live[0];
            Log($"SIGTERM to the silo on port {stopped.SiloPort} after {Ok()} answers");
            stopped.Terminate();
            Assert.Equal(0, await stopped.WaitForExitAsync());
            await Cluster.StartSilosAsync(1);
            var killed = Cluster.Live[0];
            var beforeKill = Ok();
            Log($"SIGKILL to the silo on port {killed.SiloPort} after {beforeKill} answers");
            killed.Kill();
            await Eventually.True(() => Ok() >= beforeKill + 100, "requests flow again after the kill", 90_000);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(60));
            Log("--- gateway ---\n" + gateway.Output);
        }

        Log($"{Ok()} answered 2xx, {answers.Count(a => a.Status == 503)} answered 503, {unanswered.Count} unanswered");
        var wrong = answers.Where(a => a.Status is not (>= 200 and < 300) && !(a.Status == 503 && a.RetryAfter == "2")).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers besides 2xx and 503 + Retry-After:\n"
            + string.Join("\n", wrong.Take(5).Select(a => $"{a.Status} Retry-After {a.RetryAfter ?? "none"}: {a.Body}")));
        Assert.Empty(unanswered);
    }
}
