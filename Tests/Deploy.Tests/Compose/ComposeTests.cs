using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Rayswarm.Deploy.Tests;

/// <summary>deploy/compose/compose.yaml: its shape read back, and its migrate, silo and gateway services run as processes
/// with their commands and environment (<see cref="ComposeProject"/>) through a SIGKILL and a SIGTERM of silos.</summary>
[Collection(DeployProcesses.Name)]
public sealed class ComposeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Silos = ["silo-1", "silo-2", "silo-3"];
    private readonly PostgresServer _postgres = new();
    private readonly List<AppProcess> _processes = [];

    public Task InitializeAsync() => _postgres.InitializeAsync();

    [Fact]
    public async Task Only_the_gateway_publishes_a_port_silos_are_internal_and_secrets_come_from_files()
    {
        var compose = await ComposeProject.CreateAsync();
        Assert.Equal(["gateway", "migrate", "postgres", .. Silos], compose.ServiceNames.Order());
        foreach (var name in compose.ServiceNames)
        {
            var service = compose.ServiceNode(name);
            if (name == "gateway")
            {
                Assert.Equal(["127.0.0.1:8000:8080"], service.Items("ports").Select(p => p.ToString()));
                Assert.Equal(["edge", "internal"], service.Items("networks").Select(n => n.ToString()).Order());
            }
            else
            {
                Assert.Null(service.At("ports"));
                var networks = service.At("networks") is JsonArray list ? list.Select(n => n!.ToString()) : service.Entries("networks").Select(kv => kv.Key);
                Assert.Equal(["internal"], networks);
            }
            // No secret value is written into the compose file: they come from ./secrets (env_file, file secrets).
            foreach (var (key, value) in service.Entries("environment"))
            {
                Assert.DoesNotContain("Password=", value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
                Assert.False(key is "Rayswarm__Postgres" or "Rayswarm__Cluster__Secret" or "Rayswarm__Tls__Password" or "POSTGRES_PASSWORD", $"{name} sets {key} in the compose file");
            }
            if (service.At("build") is not null)
            {
                Assert.Equal("true", service.Text("read_only"));
                Assert.Equal(["/tmp"], service.Items("tmpfs").Select(t => t.ToString()));
            }
        }
        Assert.Equal("true", compose.File.Text("networks.internal.internal"));

        // Start order: PostgreSQL healthy → the schema applied once → silos ready (active) → the gateway.
        Assert.Equal("service_healthy", compose.File.Text("services.migrate.depends_on.postgres.condition"));
        Assert.Equal(["--migrate"], compose.ServiceNode("migrate").Items("command").Select(c => c.ToString()));
        foreach (var silo in Silos)
        {
            Assert.Equal("service_completed_successfully", compose.File.Text($"services.{silo}.depends_on.migrate.condition"));
            Assert.Equal("service_healthy", compose.File.Text($"services.gateway.depends_on.{silo}.condition"));
            Assert.Equal("/readyz", compose.ServiceNode(silo).Items("healthcheck.test").Last().ToString());
            // The advertised address is the silo's fixed address on the internal network, inside its subnet.
            var address = compose.File.Text($"services.{silo}.networks.internal.ipv4_address");
            Assert.Equal(address, compose.File.Text($"services.{silo}.environment.Rayswarm__Endpoint__AdvertisedHost"));
            Assert.StartsWith(compose.File.Text("networks.internal.ipam.config.0.subnet")![..^4], address, StringComparison.Ordinal);
        }

        // The generated connection string reaches the compose PostgreSQL as the user and database it creates.
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(File.ReadAllText(Path.Combine(compose.Secrets, "connection-string")));
        Assert.Equal(("postgres", 5432), (connection.Host, connection.Port));
        Assert.Equal(compose.File.Text("services.postgres.environment.POSTGRES_USER"), connection.Username);
        Assert.Equal(compose.File.Text("services.postgres.environment.POSTGRES_DB"), connection.Database);
        Assert.Equal(File.ReadAllText(Path.Combine(compose.Secrets, "postgres-password")), connection.Password);
        Assert.Equal("/run/secrets/postgres-password", compose.File.Text("services.postgres.environment.POSTGRES_PASSWORD_FILE"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_compose_services_run_as_processes_and_a_killed_and_a_stopped_silo_lose_no_acknowledged_write()
    {
        var compose = await ComposeProject.CreateAsync();
        var apps = await PublishedApps.GetAsync();
        var database = await _postgres.CreateDatabaseAsync();

        var migrate = Start(compose.Service("migrate", database), apps);
        Assert.Equal(0, await migrate.WaitForExitAsync(120_000));
        Assert.Contains("schema applied", migrate.Output, StringComparison.Ordinal);

        var silos = Silos.Select(s => compose.Service(s, database)).ToList();
        var siloProcesses = silos.Select(s => Start(s, apps)).ToList();
        await Task.WhenAll(siloProcesses.Select(p => p.WaitForLineAsync(l => l.StartsWith("silo-ready ", StringComparison.Ordinal), "silo-ready", 120_000)));
        // compose starts the gateway once the silos' healthchecks pass (/readyz: active in the cluster).
        foreach (var silo in silos) { await Eventually.True(silo.IsHealthyAsync, $"{silo.Name}'s healthcheck passes", 60_000); }

        var gatewayService = compose.Service("gateway", database);
        var gateway = Start(gatewayService, apps);
        await gateway.WaitForLineAsync(l => l.Contains("Now listening on: http://127.0.0.1:", StringComparison.Ordinal), "listening", 90_000);
        await Eventually.True(gatewayService.IsHealthyAsync, "the gateway's healthcheck passes", 60_000);

        var key = JsonNode.Parse(File.ReadAllText(Path.Combine(compose.Secrets, "api-keys.json")))![0]!["key"]!.GetValue<string>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayService.Ports[8080]}"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var acknowledged = new ConcurrentQueue<string>();
        var refused = new ConcurrentQueue<string>();
        var unanswered = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"compose-{writer}-{n}";
                try
                {
                    using var response = await http.PostAsJsonAsync("/domains/register", new { domain_id = id, port = 9000 + writer, capabilities = new[] { "compose" } });
                    if (response.IsSuccessStatusCode) { acknowledged.Enqueue(id); }
                    else if (!(response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null))
                    {
                        refused.Enqueue($"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (HttpRequestException e)
                {
                    unanswered.Enqueue(e);
                }
            }
        })).ToArray();
        try
        {
            await Eventually.True(() => acknowledged.Count >= 30, "writes are acknowledged", 60_000);
            Log($"SIGKILL to silo-1 after {acknowledged.Count} acknowledged writes");
            siloProcesses[0].Kill();
            var afterKill = acknowledged.Count;
            await Eventually.True(() => acknowledged.Count >= afterKill + 30, "writes go on after the kill", 90_000);

            Log($"SIGTERM to silo-2 after {acknowledged.Count} acknowledged writes");
            siloProcesses[1].Terminate();
            var afterStop = acknowledged.Count;
            Assert.Equal(0, await siloProcesses[1].WaitForExitAsync(60_000));
            await Eventually.True(() => acknowledged.Count >= afterStop + 30, "writes go on after the graceful stop", 90_000);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        }

        Log($"{acknowledged.Count} acknowledged, {refused.Count} refused, {unanswered.Count} unanswered");
        Assert.True(refused.IsEmpty, "answers other than 2xx and 503 with Retry-After:\n" + string.Join("\n", refused.Take(5)));
        Assert.True(unanswered.IsEmpty, "requests the gateway did not answer:\n" + string.Join("\n", unanswered.Take(3)));
        // Every acknowledged write is there, on the one silo left.
        foreach (var id in acknowledged)
        {
            await Eventually.True(async () =>
            {
                using var response = await http.GetAsync($"/domains/domain/{id}");
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return response.StatusCode == HttpStatusCode.OK;
            }, $"{id} is registered", 30_000);
        }
    }

    private AppProcess Start(LocalService service, PublishedApps apps)
    {
        var process = service.Start(apps);
        _processes.Add(process);
        return process;
    }

    private void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            output.WriteLine($"--- {process.Name} ---\n{process.Output}");
            await process.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }
}
