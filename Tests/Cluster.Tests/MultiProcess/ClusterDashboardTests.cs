using System.Text.Json;
using Rayswarm.Gateway.Tests;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>The dashboard of a cluster-mode gateway: the Orleans dashboard through its cluster client, with the figures of the
/// Silo processes (each adds the dashboard), and the domain views.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ClusterDashboardTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    [Fact]
    public async Task The_cluster_mode_gateway_serves_the_dashboard_with_every_silo_and_the_domain_grain_types()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var gateway = await Cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var page = await http.GetStringAsync("/dashboard/");
            Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
            Assert.Contains("id=\"rayswarm-domain-views\" href=\"/dashboard/domains\"", page, StringComparison.Ordinal);

            var live = Cluster.Live.Select(s => s.SiloPort).Order().ToArray();
            JsonElement counters = default;
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync("/dashboard/DashboardCounters");
                if (!response.IsSuccessStatusCode) { return false; }
                counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return counters.GetProperty("totalActiveHostCount").GetInt32() == live.Length
                    && counters.GetProperty("simpleGrainStats").EnumerateArray().Any(s => s.GetProperty("grainType").GetString() == "Rayswarm.Grains.RegistryGrain");
            }, "the dashboard counts every live silo and the registry grain", 60_000);

            var active = counters.GetProperty("hosts").EnumerateArray()
                .Where(h => h.GetProperty("status").GetString() == "Active")
                .Select(h => h.GetProperty("siloAddress").GetString()!)
                .ToArray();
            Assert.Equal(live, active.Select(a => SiloAddress.FromParsableString(a).Endpoint.Port).Order().ToArray());
            var siloCounters = await http.GetOkAsync($"/dashboard/SiloCounters/{Uri.EscapeDataString(active[0])}");
            Assert.Equal(JsonValueKind.Array, siloCounters.ValueKind); // empty: the silo counters are off by default
            var types = await http.GetOkAsync("/dashboard/GrainTypes");
            Assert.Contains(types.EnumerateArray(), t => t.GetString() == "Rayswarm.Grains.WorkflowGrain");

            var views = await http.GetAsync("/dashboard/domains");
            Assert.Equal("text/html", views.Content.Headers.ContentType?.MediaType);
            Assert.Equal(10, (await http.GetOkAsync("/domains/memory/confidence")).GetProperty("buckets").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, (await http.GetOkAsync("/domains/events/rates")).GetProperty("types").ValueKind);
        }
        finally
        {
            Log("--- gateway ---\n" + gateway.Output);
        }
    }
}
