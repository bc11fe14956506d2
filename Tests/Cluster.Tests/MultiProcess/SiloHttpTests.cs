using System.Net;
using Npgsql;
using Rayswarm.Gateway.Tests;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>A silo's HTTP listener (<c>--http-port</c>): <c>/healthz</c> while the process lives, <c>/readyz</c> only while the
/// silo is active and not stopping, <c>/metrics</c> in Prometheus text; and a cluster-mode gateway's probes and metrics.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class SiloHttpTests(OwnSiloCluster cluster, ITestOutputHelper output)
    : SiloClusterTests<OwnSiloCluster>(cluster, output), IClassFixture<OwnSiloCluster>
{
    /// <summary>The advisory lock our schema appliers queue on (PostgresOrleansSchema.LockKey, "RaysOrln").</summary>
    private const long SchemaLockKey = 0x5261_7973_4F72_6C6E;

    [Fact]
    public async Task A_starting_silo_is_alive_but_not_ready_until_it_is_active()
    {
        // A silo of a fresh database applies the schema first; holding the appliers' lock keeps it starting.
        var database = await Cluster.CreateDatabaseAsync();
        await using var holder = new NpgsqlConnection(database);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({SchemaLockKey})");
        await using var silo = await Cluster.StartAsync(
            ["--postgres", database, "--cluster-id", "probes", "--secret", SiloCluster.Secret], waitReady: false);
        using var http = new HttpClient { BaseAddress = await silo.HttpAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };

        using (var health = await http.GetAsync("/healthz")) { Assert.Equal(HttpStatusCode.OK, health.StatusCode); }
        using (var ready = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("2", ready.Headers.RetryAfter?.ToString());
            Assert.Equal("application/problem+json", ready.Content.Headers.ContentType?.MediaType);
            Assert.Contains("starting", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.False(silo.IsReady);

        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({SchemaLockKey})");
        await silo.WaitReadyAsync();
        await Eventually.True(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz is 200 once the silo is active");
        using var unknown = await http.GetAsync("/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_stopping_silo_is_alive_but_not_ready_until_it_has_left()
    {
        var silo = (await Cluster.StartSilosAsync(1))[0];
        using var http = new HttpClient { BaseAddress = silo.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.True(async () => (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "/readyz is 200 once the silo serves");

        // Leaving the cluster writes the membership table; locking it holds the silo in its graceful stop.
        await using var blocker = new NpgsqlConnection(Cluster.Database);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "LOCK TABLE orleans_cluster_member IN ACCESS EXCLUSIVE MODE", transaction);
        silo.Terminate();

        string reason = "";
        await Eventually.True(async () =>
        {
            using var ready = await http.GetAsync("/readyz");
            reason = await ready.Content.ReadAsStringAsync();
            return ready.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, "/readyz is 503 once the silo stops");
        Assert.Contains("stopping", reason, StringComparison.Ordinal);
        using (var health = await http.GetAsync("/healthz")) { Assert.Equal(HttpStatusCode.OK, health.StatusCode); }
        Assert.False(silo.HasExited);

        await transaction.RollbackAsync();
        Assert.Equal(0, await silo.WaitForExitAsync());
    }

    [Fact]
    public async Task A_silo_and_a_cluster_gateway_serve_metrics_and_a_publish_is_counted_by_the_silo_that_stored_it()
    {
        const string Category = "silometrics";
        foreach (var extra in Cluster.Live.Skip(1))
        {
            extra.Terminate(); // one silo stores every event
            await extra.WaitForExitAsync();
        }
        await Cluster.EnsureSilosAsync(1);
        var silo = Assert.Single(Cluster.Live);
        using var siloHttp = new HttpClient { BaseAddress = silo.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        await using var gateway = await Cluster.StartGatewayAsync();
        using var gatewayHttp = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await Eventually.True(async () => (await gatewayHttp.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "the gateway is ready");

        var before = PrometheusText.Sum(await PrometheusScrape.ScrapeAsync(siloHttp), "rayswarm_events_published_total", ("rayswarm_event_category", Category));
        await gatewayHttp.PostOkAsync("/domains/events/publish", new { event_type = Category + ".ping", source_domain = "probe_tests", data = new { } });

        var siloSamples = await PrometheusScrape.WaitForAsync(siloHttp, before + 1, "rayswarm_events_published_total", ("rayswarm_event_category", Category));
        Assert.Equal((0, 1), (before, PrometheusText.Sum(siloSamples, "rayswarm_events_published_total", ("rayswarm_event_category", Category))));
        Assert.Contains(siloSamples, s => s.Name == "orleans_catalog_activations");
        var gatewaySamples = await PrometheusScrape.ScrapeAsync(gatewayHttp);
        Assert.Equal(0, PrometheusText.Sum(gatewaySamples, "rayswarm_events_published_total", ("rayswarm_event_category", Category)));
        Assert.Contains(gatewaySamples, s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route") == "/domains/events/publish");
        Assert.Contains(gatewaySamples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_http_port_stops_the_silo_with_a_message_naming_the_switch()
    {
        await using var silo = await Cluster.StartAsync([.. Cluster.Arguments(), "--http-port", "eighty"], waitReady: false);

        Assert.Equal(1, await silo.WaitForExitAsync());
        Assert.Contains("--http-port", silo.Output, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
