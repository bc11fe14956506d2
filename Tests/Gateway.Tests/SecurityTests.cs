using System.Net;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

public sealed class SecurityTests : IDisposable
{
    private const string ReadKey = "read-key-0123456789abcdef";
    private const string WriteKey = "write-key-0123456789abcdef";
    private const string SlowKey = "slow-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-sec-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string KeysFile()
    {
        var path = Path.Combine(_dir, "keys.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new object[]
        {
            new { name = "reader", key = ReadKey, scopes = new[] { "read" } },
            new { name = "writer", key = WriteKey, scopes = new[] { "write" }, requests_per_second = 1000 },
            new { name = "slow", key = SlowKey, scopes = new[] { "admin" }, requests_per_second = 1, burst = 2 },
        }));
        return path;
    }

    private static HttpClient Client(GatewayProcess gateway, string? key)
    {
        var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        if (key is not null) { http.DefaultRequestHeaders.Add("X-Api-Key", key); }
        return http;
    }

    [Fact]
    public async Task With_keys_a_request_needs_a_known_key_with_the_route_scope_and_health_stays_open()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", KeysFile());
        using var anonymous = Client(gateway, null);
        using var reader = Client(gateway, ReadKey);
        using var writer = Client(gateway, WriteKey);
        using var stranger = Client(gateway, "not-a-key-0123456789abcdef");
        const string Body = """{"domain_id": "sec_domain", "port": 8400, "capabilities": ["secure"]}""";

        var missing = await anonymous.GetJsonAsync("/domains/list");
        HttpJson.AssertProblem(missing, 401, "X-Api-Key");
        HttpJson.AssertProblem(await stranger.GetJsonAsync("/domains/list"), 401, "not known");
        HttpJson.AssertProblem(await reader.PostJsonAsync("/domains/register", Body), 403, "write");
        Assert.Equal(200, (await reader.GetJsonAsync("/domains/list")).Status);

        Assert.Equal(200, (await writer.PostJsonAsync("/domains/register", Body)).Status);
        Assert.Equal(200, (await writer.GetJsonAsync("/domains/domain/sec_domain")).Status); // write implies read
        using var bearer = new HttpClient { BaseAddress = gateway.BaseAddress };
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ReadKey);
        Assert.Equal(200, (await bearer.GetJsonAsync("/domains/domain/sec_domain")).Status);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/domains/system/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_other_keys_are_served()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", KeysFile());
        using var slow = Client(gateway, SlowKey);
        using var writer = Client(gateway, WriteKey);

        // Burst 2 at 1 request/s: of 10 requests sent at once, most must be refused.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => slow.GetAsync("/domains/registry-stats")));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 5, 9);
        Assert.True(refused[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "no Retry-After");
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/domains/registry-stats")).StatusCode);
    }

    [Fact]
    public async Task Without_keys_a_loopback_gateway_serves_everything()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir);
        using var anonymous = Client(gateway, null);
        Assert.Equal(200, (await anonymous.PostJsonAsync("/domains/register", """{"domain_id": "open_domain", "port": 8401, "capabilities": ["open"]}""")).Status);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Off_loopback_the_gateway_refuses_to_start_without_both_keys_and_a_secret(bool keys, bool secret)
    {
        var args = new List<string> { "--urls", "http://0.0.0.0:0", "--data-dir", _dir };
        if (keys) { args.AddRange(["--api-keys-file", KeysFile()]); }
        if (secret) { args.AddRange(["--secret", "a-cluster-secret-for-tests"]); }
        await using var gateway = await GatewayProcess.StartAsync([.. args]);

        Assert.NotEqual(0, await gateway.ExitCodeAsync());
        Assert.False(gateway.IsListening);
        Assert.Contains("Refusing to listen on", gateway.Output);
    }

    [Theory]
    [InlineData("""[{"name": "short", "key": "tooshort", "scopes": ["read"]}]""", "at least 16")]
    [InlineData("""[{"name": "odd", "key": "odd-key-0123456789abcdef", "scopes": ["root"]}]""", "unknown scope 'root'")]
    [InlineData("""{"name": "not-an-array"}""", "not a JSON array")]
    [InlineData("""[{"name": "boss", "key": "boss-key-0123456789abcdef", "scopes": ["write"], "roles": ["boss"]}]""", "'boss' is not a role")]
    [InlineData("""[{"name": "wild", "key": "wild-key-0123456789abcdef", "scopes": ["write"], "roles": ["expert:no such"]}]""", "'expert:no such' is not a role")]
    public async Task A_bad_keys_file_stops_the_start_naming_the_problem(string content, string message)
    {
        var path = Path.Combine(_dir, "bad-keys.json");
        await File.WriteAllTextAsync(path, content);
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", path);

        Assert.NotEqual(0, await gateway.ExitCodeAsync());
        Assert.Contains(message, gateway.Output);
    }
}
