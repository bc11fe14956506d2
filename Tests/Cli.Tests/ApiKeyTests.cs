using System.Text.Json;

namespace Rayswarm.Cli.Tests;

/// <summary>A gateway with API keys: the CLI sends <c>--api-key</c> or <c>RAYSWARM_API_KEY</c> as X-Api-Key, and a refusal is the
/// gateway's 401 or 403 in one line.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private const string ReadKey = "cli-read-key-0123456789abcdef";
    private const string WriteKey = "cli-write-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-cli-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Commands_send_the_api_key_from_the_option_or_the_environment_and_report_refusals_in_one_line()
    {
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "reader", key = ReadKey, scopes = new[] { "read" } },
            new { name = "writer", key = WriteKey, scopes = new[] { "write" }, requests_per_second = 1000 },
        }));
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(_dir, "data"), "--api-keys-file", keys);
        var url = gateway.BaseAddress.ToString();

        var anonymous = await InProcessCli.RunAsync("list", "domains", "--url", url);
        Assert.Equal(1, anonymous.ExitCode);
        Assert.StartsWith("rayswarm: 401 ", Assert.Single(anonymous.ErrorLines), StringComparison.Ordinal);

        var read = (await InProcessCli.RunAsync("list", "domains", "--json", "--url", url, "--api-key", ReadKey)).Ok().Json();
        Assert.Contains(read.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain_id").GetString() == "memory");

        var refused = await InProcessCli.RunAsync("events", "publish", "cli.keys", "--source", "cli_tests", "--url", url, "--api-key", ReadKey);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("rayswarm: 403 ", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);

        var environment = new Dictionary<string, string> { ["RAYSWARM_URL"] = url, ["RAYSWARM_API_KEY"] = WriteKey };
        var published = (await CliProcess.RunAsync(environment, "events", "publish", "cli.keys", "--source", "cli_tests", "--json")).Ok().Json();
        var history = (await InProcessCli.RunAsync("events", "history", "--type", "cli.keys", "--json", "--url", url, "--api-key", ReadKey)).Ok().Json();
        Assert.Equal(published.GetProperty("event_id").GetString(), Assert.Single(history.GetProperty("events").EnumerateArray()).GetProperty("event_id").GetString());
    }
}
