using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Rayswarm.Gateway.Tests;
using Rayswarm.Grains.Interfaces;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>The real gateway in cluster mode (<c>--postgres</c>): a client of real Silo processes, hosting no grains itself.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ClusterGatewayTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    [Fact]
    public async Task The_gateway_serves_every_area_from_the_silos_and_keeps_serving_when_one_is_killed()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var gateway = await Cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await http.PostOkAsync("/domains/register", new { domain_id = "cluster_domain", port = 8600, capabilities = new[] { "cluster" } });
            var published = await http.PostOkAsync("/domains/events/publish", new { event_type = "cluster.ping", source_domain = "cluster_domain", data = new { n = 1 } });
            var contribution = await http.PostOkAsync("/domains/memory/contribute", new { domain_id = "cluster_domain", contribution_type = "insight", content = new { tip = "postgres full text search" } });
            var workflow = await http.PostOkAsync("/domains/workflows/create", new { name = "cluster_flow", steps = new[] { new { domain_id = "nowhere_domain", action = "noop" } } });
            var executed = await http.PostOkAsync($"/domains/workflows/execute/{workflow.GetProperty("workflow_id").GetString()}", new { });

            Assert.Equal("rolled_back", executed.GetProperty("status").GetString()); // its domain is nowhere: a step failure, not a hang
            var history = await http.GetOkAsync("/domains/events/history?event_type=cluster.ping");
            Assert.Contains(published.GetProperty("event_id").GetString()!, history.ToString());
            var found = await http.GetOkAsync("/domains/memory/query?query=postgres%20search");
            Assert.Contains(contribution.GetProperty("contribution_id").GetString()!, found.ToString());
            var overview = await http.GetOkAsync("/domains/system/overview");
            Assert.True(overview.GetProperty("registry").GetProperty("total_domains").GetInt32() >= 1);
            Assert.Equal("healthy", (await http.GetOkAsync("/domains/system/health")).GetProperty("status").GetString());

            // One silo dies: after detection the gateway reaches the grains on the other one.
            Cluster.Live[0].Kill();
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync("/domains/domain/cluster_domain");
                return response.IsSuccessStatusCode;
            }, "the gateway serves the registry from the surviving silo", 60_000);
            await http.PostOkAsync("/domains/heartbeat/cluster_domain", new { });
        }
        finally
        {
            Log("--- gateway ---\n" + gateway.Output);
        }
    }

    [Fact]
    public async Task The_gateway_lists_runs_and_offers_as_mcp_tools_the_domains_hosted_by_the_silos()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var gateway = await Cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            // The silos registered the built-in domains; the gateway (a client, hosting nothing) lists them as hosted.
            JsonElement[] hosted = [];
            await Eventually.True(async () =>
            {
                hosted = [.. (await http.GetOkAsync("/domains/list")).GetProperty("domains").EnumerateArray()
                    .Where(d => d.GetProperty("kind").GetString() == "hosted")];
                return hosted.Length == 2;
            }, "memory and events registered by the silos", 60_000);
            Assert.Equal(["events", "memory"], hosted.Select(d => d.GetProperty("domain_id").GetString()));
            Assert.Equal(["search", "contribute"], hosted[1].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));

            // A workflow over them runs to completed: the silos' resolvers reach them by id.
            var word = "quaxel" + Guid.NewGuid().ToString("N")[..8];
            var workflow = await http.PostOkAsync("/domains/workflows/create", new
            {
                name = "cluster_builtin",
                steps = new object[]
                {
                    new { domain_id = "memory", action = "contribute", data = new { contribution_type = "runbook", content = new { issue = word } } },
                    new { domain_id = "memory", action = "search", data = new { query = word }, depends_on = new[] { "step_1" } },
                },
            });
            var executed = await http.PostOkAsync($"/domains/workflows/execute/{workflow.GetProperty("workflow_id").GetString()}?wait_seconds=30", new { });
            Assert.Equal("completed", executed.GetProperty("status").GetString());
            Assert.Equal(1, executed.GetProperty("steps")[1].GetProperty("output").GetProperty("count").GetInt32());

            // MCP: the domain tools come from the registry; a call runs the action on a silo.
            var changes = 0;
            await using var mcp = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(gateway.BaseAddress, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp }),
                new McpClientOptions
                {
                    ClientInfo = new() { Name = "rayswarm-cluster-tests", Version = "1.0" },
                    ProtocolVersion = "2025-11-25",
                    Handlers = new McpClientHandlers
                    {
                        NotificationHandlers =
                        [
                            new(NotificationMethods.ToolListChangedNotification, (_, _) => { Interlocked.Increment(ref changes); return ValueTask.CompletedTask; }),
                        ],
                    },
                });
            var tools = (await mcp.ListToolsAsync()).Select(t => t.Name).ToArray();
            Assert.Contains("memory_search", tools);
            Assert.Contains("events_publish", tools);
            var search = await mcp.CallToolAsync("memory_search", new Dictionary<string, object?> { ["query"] = word });
            Assert.False(search.IsError is true, string.Join(" ", search.Content.OfType<TextContentBlock>().Select(c => c.Text)));
            Assert.Equal(1, Assert.IsType<JsonElement>(search.StructuredContent).GetProperty("count").GetInt32());

            // A hosted domain goes away: the session is told, and its tools are gone. The silos register it again on their
            // next heartbeat (every 30 s), which may come first: then unregister again.
            await using var cluster = await Cluster.ConnectAsync();
            var gone = 0;
            await Eventually.True(async () =>
            {
                var seen = Volatile.Read(ref changes);
                await cluster.GetGrain<IDomainGrain>("events").Unregister();
                for (var i = 0; i < 100 && Volatile.Read(ref changes) == seen; i++) { await Task.Delay(50); }
                gone = Volatile.Read(ref changes);
                return gone > seen && !(await mcp.ListToolsAsync()).Any(t => t.Name == "events_publish");
            }, "tools/list_changed after events unregistered, and events_publish no longer listed", 60_000);

            // A new silo registers the domains it hosts on start (the others do on their next heartbeat): the domain is
            // back, and the session is told again.
            await Cluster.StartSilosAsync(1);
            await Eventually.True(async () => Volatile.Read(ref changes) > gone && (await mcp.ListToolsAsync()).Any(t => t.Name == "events_publish"),
                "tools/list_changed and events_publish listed again after a new silo started", 60_000);
        }
        finally
        {
            Log("--- gateway ---\n" + gateway.Output);
        }
    }
}
