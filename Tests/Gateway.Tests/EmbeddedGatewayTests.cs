using System.Net;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

public sealed class EmbeddedGatewayTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-gw-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task The_embedded_gateway_answers_health_with_200_and_keeps_its_data_under_the_data_dir()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var response = await http.GetAsync("/domains/system/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Equal(new[] { "grain_calls", "storage" }, checks);
        Assert.True(File.Exists(Path.Combine(_dataDir, "rayswarm.db")), "no SQLite database under the data dir");
    }

    [Fact]
    public async Task The_health_probe_state_persists_across_restarts()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir);
            using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/domains/system/health")).StatusCode);
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task Binding_off_loopback_without_keys_is_refused_with_a_message(string url)
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", url, "--data-dir", _dataDir);

        Assert.NotEqual(0, await gateway.ExitCodeAsync());
        Assert.False(gateway.IsListening);
        Assert.Contains("Refusing to listen on", gateway.Output);
    }

    [Fact]
    public async Task ASPNETCORE_URLS_says_where_the_gateway_listens()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" };
        await using var gateway = await GatewayProcess.StartAsync(environment, "--data-dir", _dataDir);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };

        Assert.Equal("127.0.0.1", gateway.BaseAddress.Host);
        Assert.NotEqual(8000, gateway.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/domains/system/health")).StatusCode);
    }

    [Fact]
    public async Task ASPNETCORE_HTTP_PORTS_binds_every_address_so_without_keys_it_is_refused()
    {
        // The ASP.NET container images set ASPNETCORE_HTTP_PORTS=8080: a gateway without --urls would listen on every address.
        var environment = new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = "0" };
        await using var gateway = await GatewayProcess.StartAsync(environment, "--data-dir", _dataDir);

        Assert.NotEqual(0, await gateway.ExitCodeAsync());
        Assert.False(gateway.IsListening);
        Assert.Contains("Refusing to listen on 'http://*:0'", gateway.Output);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_details_404()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var response = await http.GetAsync("/domains/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
