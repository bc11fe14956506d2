using System.Net.Http.Json;
using System.Text.Json;
using Rayswarm.Gateway.Tests;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>The real gateway in cluster mode (<c>--postgres</c>): a client of real Silo processes, hosting no grains itself.</summary>
[Trait("Category", "Slow")]
public sealed class ClusterGatewayTests(PostgresServer postgres, ITestOutputHelper output) : SiloProcessCluster(postgres, output)
{
    [Fact]
    public async Task The_gateway_serves_every_area_from_the_silos_and_keeps_serving_when_one_is_killed()
    {
        await StartSilosAsync(2);
        await using var gateway = await GatewayProcess.StartAsync(
            "--urls", "http://127.0.0.1:0", "--postgres", Database, "--cluster-id", ClusterId, "--secret", Secret);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await PostOkAsync(http, "/domains/register", new { domain_id = "cluster_domain", port = 8600, capabilities = new[] { "cluster" } });
            var published = await PostOkAsync(http, "/domains/events/publish", new { event_type = "cluster.ping", source_domain = "cluster_domain", data = new { n = 1 } });
            var contribution = await PostOkAsync(http, "/domains/memory/contribute", new { domain_id = "cluster_domain", contribution_type = "insight", content = new { tip = "postgres full text search" } });
            var workflow = await PostOkAsync(http, "/domains/workflows/create", new { name = "cluster_flow", steps = new[] { new { domain_id = "nowhere_domain", action = "noop" } } });
            var executed = await PostOkAsync(http, $"/domains/workflows/execute/{workflow.GetProperty("workflow_id").GetString()}", new { });

            Assert.Equal("rolled_back", executed.GetProperty("status").GetString()); // its domain is nowhere: a step failure, not a hang
            var history = await GetOkAsync(http, "/domains/events/history?event_type=cluster.ping");
            Assert.Contains(published.GetProperty("event_id").GetString()!, history.ToString());
            var found = await GetOkAsync(http, "/domains/memory/query?query=postgres%20search");
            Assert.Contains(contribution.GetProperty("contribution_id").GetString()!, found.ToString());
            var overview = await GetOkAsync(http, "/domains/system/overview");
            Assert.True(overview.GetProperty("registry").GetProperty("total_domains").GetInt32() >= 1);
            Assert.Equal("healthy", (await GetOkAsync(http, "/domains/system/health")).GetProperty("status").GetString());

            // One silo dies: after detection the gateway reaches the grains on the other one.
            Silos[0].Kill();
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync("/domains/domain/cluster_domain");
                return response.IsSuccessStatusCode;
            }, "the gateway serves the registry from the surviving silo", 60_000);
            await PostOkAsync(http, "/domains/heartbeat/cluster_domain", new { });
        }
        finally
        {
            Log("--- gateway ---\n" + gateway.Output);
        }
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetOkAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
