using System.Net;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>Health of a cluster-mode gateway follows its cluster: 200 while a silo serves, 503 with the reason when none does.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ClusterGatewayHealthTests(OwnSiloCluster cluster, ITestOutputHelper output)
    : SiloClusterTests<OwnSiloCluster>(cluster, output), IClassFixture<OwnSiloCluster>
{
    [Fact]
    public async Task Health_is_503_with_a_reason_once_every_silo_is_gone_and_200_again_when_one_is_back()
    {
        await Cluster.EnsureSilosAsync(1);
        await using var gateway = await Cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/domains/system/health")).StatusCode);

            // Every silo leaves (SIGTERM: killed, a lone silo's entry would stay "active" in the membership table until it is
            // stale, about 30 s, and a new silo could not join before).
            foreach (var silo in Cluster.Live) { silo.Terminate(); }
            string body = "";
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync("/domains/system/health");
                body = await response.Content.ReadAsStringAsync();
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            }, "health turns 503 with no silo", 60_000);
            Log(body);
            Assert.Contains("\"detail\"", body, StringComparison.Ordinal);

            await Cluster.StartSilosAsync(1);
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync("/domains/system/health");
                return response.StatusCode == HttpStatusCode.OK;
            }, "health is 200 again once a silo serves", 60_000);
        }
        finally
        {
            Log("--- gateway ---\n" + gateway.Output);
        }
    }
}
