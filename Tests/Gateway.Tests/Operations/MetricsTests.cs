using System.Net;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary><c>/metrics</c> and the probes of an embedded gateway (its own process: counts here are this class's alone).</summary>
public sealed class MetricsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Published = "rayswarm_events_published_total";
    private const string Category = "rayswarm_event_category";

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Metrics_are_Prometheus_text_with_the_domain_system_Orleans_and_ASP_NET_Core_meters()
    {
        await Http.GetOkAsync("/domains/list"); // one request for the HTTP server metrics

        // The hosted domains announce their registration (domain.registered) once the silo serves.
        var samples = await PrometheusScrape.WaitForAsync(Http, 1, Published, (Category, "domain"));

        var families = samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("orleans_catalog_activations", families);
        Assert.DoesNotContain("orleans_app_requests_latency_milliseconds_count", families); // per call: off by default (OrleansMessageInstruments)
        Assert.Contains("http_server_request_duration_seconds_count", families);
        Assert.Contains("kestrel_active_connections", families);
        Assert.Contains("dotnet_gc_collections_total", families);
        Assert.All(samples.Where(s => s.Name.StartsWith("rayswarm_", StringComparison.Ordinal)),
            s => Assert.Equal("Rayswarm", s.Labels["otel_scope_name"]));
        // Scrapes are left out of the HTTP metrics.
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("http_server_", StringComparison.Ordinal) && s.Labels.GetValueOrDefault("http_route") == "/metrics");
    }

    [Fact]
    public async Task One_publish_moves_events_published_by_exactly_one()
    {
        const string Probe = "metricsprobe";
        var before = PrometheusText.Sum(await PrometheusScrape.ScrapeAsync(Http), Published, (Category, Probe));

        await Http.PostOkAsync("/domains/events/publish", new { event_type = Probe + ".ping", source_domain = "metrics_tests", data = new { n = 1 } });

        var after = await PrometheusScrape.WaitForAsync(Http, before + 1, Published, (Category, Probe));
        Assert.Equal(0, before);
        Assert.Equal(1, PrometheusText.Sum(after, Published, (Category, Probe)));
    }

    [Fact]
    public async Task A_completed_workflow_moves_completed_by_one_and_a_rolled_back_one_rolled_back_by_one()
    {
        var start = await PrometheusScrape.ScrapeAsync(Http);
        var (started, completed, rolledBack) = Workflows(start);
        var searches = Searches(start);

        var done = await RunAsync("""{"name": "metrics_ok", "steps": [{"domain_id": "memory", "action": "search", "data": {"query": "metrics"}}]}""");
        Assert.Equal("completed", done);
        var afterCompleted = await PrometheusScrape.WaitForAsync(Http, completed + 1, "rayswarm_workflows_completed_total");
        Assert.Equal((started + 1, completed + 1, rolledBack), Workflows(afterCompleted));
        Assert.Equal(searches + 1, Searches(afterCompleted));
        Assert.Equal(1, PrometheusText.Sum(afterCompleted, "rayswarm_workflow_duration_seconds_count", ("rayswarm_workflow_status", "completed"))
            - PrometheusText.Sum(start, "rayswarm_workflow_duration_seconds_count", ("rayswarm_workflow_status", "completed")));

        var undone = await RunAsync("""{"name": "metrics_undone", "steps": [{"domain_id": "metrics_nowhere", "action": "anything"}]}""");
        Assert.Equal("rolled_back", undone);
        var afterRolledBack = await PrometheusScrape.WaitForAsync(Http, rolledBack + 1, "rayswarm_workflows_rolled_back_total");
        Assert.Equal((started + 2, completed + 1, rolledBack + 1), Workflows(afterRolledBack));
        Assert.Equal(1, PrometheusText.Sum(afterRolledBack, "rayswarm_domain_action_calls_total",
            ("rayswarm_domain", "metrics_nowhere"), ("rayswarm_action", "anything"), ("rayswarm_call", "execute"), ("rayswarm_outcome", "error")));
    }

    [Fact]
    public async Task The_SQLite_group_commit_reports_its_commits_writes_and_writer_time_per_file()
    {
        var commits = PrometheusText.Sum(await PrometheusScrape.ScrapeAsync(Http), "rayswarm_sqlite_commits_total");

        await Http.PostOkAsync("/domains/events/publish", new { event_type = "sqliteprobe.ping", source_domain = "metrics_tests" });

        var after = await PrometheusScrape.WaitForAsync(Http, commits + 1, "rayswarm_sqlite_commits_total");
        Assert.True(PrometheusText.Sum(after, "rayswarm_sqlite_writes_total") >= PrometheusText.Sum(after, "rayswarm_sqlite_commits_total"));
        Assert.True(PrometheusText.Sum(after, "rayswarm_sqlite_writer_busy_seconds_total") > 0);
        var sqlite = after.Where(s => s.Name.StartsWith("rayswarm_sqlite_", StringComparison.Ordinal)).ToList();
        Assert.All(sqlite, s => Assert.Equal("Rayswarm", s.Labels["otel_scope_name"]));
        Assert.All(sqlite, s => Assert.EndsWith("rayswarm.db", s.Labels["rayswarm_sqlite_database"], StringComparison.Ordinal)); // the embedded file
    }

    [Fact]
    public async Task The_probes_answer_alive_and_ready_and_are_not_in_the_API_document()
    {
        using var health = await Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"alive"}""", await health.Content.ReadAsStringAsync());
        using var ready = await Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await ready.Content.ReadAsStringAsync());

        var document = await Http.GetOkAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("/healthz", paths);
        Assert.DoesNotContain("/readyz", paths);
        Assert.DoesNotContain("/metrics", paths);
    }

    private async Task<string> RunAsync(string definition)
    {
        var created = await Http.PostJsonAsync("/domains/workflows/create", definition);
        Assert.Equal(200, created.Status);
        var id = created.Body.GetProperty("workflow_id").GetString();
        var executed = await Http.PostJsonAsync($"/domains/workflows/execute/{id}", "");
        Assert.Equal(200, executed.Status);
        return executed.Body.GetProperty("status").GetString()!;
    }

    private static (double Started, double Completed, double RolledBack) Workflows(IReadOnlyList<PrometheusSample> samples) =>
        (PrometheusText.Sum(samples, "rayswarm_workflows_started_total"),
            PrometheusText.Sum(samples, "rayswarm_workflows_completed_total"),
            PrometheusText.Sum(samples, "rayswarm_workflows_rolled_back_total"));

    private static double Searches(IReadOnlyList<PrometheusSample> samples) =>
        PrometheusText.Sum(samples, "rayswarm_domain_action_calls_total",
            ("rayswarm_domain", "memory"), ("rayswarm_action", "search"), ("rayswarm_call", "execute"), ("rayswarm_outcome", "ok"));
}
