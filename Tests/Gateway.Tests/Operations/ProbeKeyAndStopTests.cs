using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The probes need no key and tell a stopping gateway apart; <c>/metrics</c> follows the key rules of a GET route.</summary>
public sealed class ProbeKeyAndStopTests : IDisposable
{
    private const string ReadKey = "prometheus-key-0123456789abcdef";
    private const string WriteKey = "ingest-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-probes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task With_keys_metrics_needs_a_read_key_as_a_bearer_token_and_the_probes_stay_open()
    {
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "prometheus", key = ReadKey, scopes = new[] { "read" } },
            new { name = "ingest", key = WriteKey, scopes = new[] { "write" } },
        }));
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", keys);
        using var anonymous = new HttpClient { BaseAddress = gateway.BaseAddress };
        using var prometheus = new HttpClient { BaseAddress = gateway.BaseAddress };
        prometheus.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ReadKey);

        HttpJson.AssertProblem(await anonymous.GetJsonAsync("/metrics"), 401, "X-Api-Key");
        var samples = await PrometheusScrape.ScrapeAsync(prometheus);
        Assert.Contains(samples, s => s.Name == "orleans_catalog_activations");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task A_stopping_gateway_is_alive_but_not_ready()
    {
        var gateway = new InProcessGateway();
        await ((IAsyncLifetime)gateway).InitializeAsync();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/readyz")).StatusCode);

            // The stop begins (as on SIGTERM) and is held before the server stops listening, as in StoppingGatewayTests.
            var lifetime = gateway.Services.GetRequiredService<IHostApplicationLifetime>();
            using var release = new ManualResetEventSlim();
            using var hold = lifetime.ApplicationStopping.Register(() => release.Wait(TimeSpan.FromSeconds(60)));
            var stopping = Task.Run(lifetime.StopApplication);
            await Eventually.True(() => lifetime.ApplicationStopping.IsCancellationRequested, "the gateway began to stop");

            var ready = await gateway.Http.GetJsonAsync("/readyz");
            HttpJson.AssertProblem(ready, 503, "stopping");
            using var health = await gateway.Http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            release.Set();
            await stopping.Within();
        }
        finally
        {
            await ((IAsyncLifetime)gateway).DisposeAsync();
        }
    }
}
