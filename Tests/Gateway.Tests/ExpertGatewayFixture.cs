using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>An embedded gateway with keys of named principals (docs/gateway.md, Identity), shared by the tests of a class:
/// alice (expert of code, operator), bob (expert of docs), carol (a key of the old format: no principal, no roles). Every
/// contribution of the domain code goes to review (docs/memory.md, Reviews).</summary>
public sealed class ExpertGatewayFixture : IAsyncLifetime
{
    public const string AliceKey = "alice-key-0123456789abcdef";
    public const string BobKey = "bob-key-0123456789abcdef";
    public const string CarolKey = "carol-key-0123456789abcdef";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-expert-").FullName;
    private readonly List<HttpClient> _clients = [];
    private GatewayProcess? _gateway;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("not started");

    /// <summary>alice: <c>expert:code</c> and <c>operator</c>, through a key named "alice-laptop".</summary>
    public HttpClient Alice { get; private set; } = null!;

    /// <summary>bob: <c>expert:docs</c>.</summary>
    public HttpClient Bob { get; private set; } = null!;

    /// <summary>carol: an old-format key with the write scope and no roles.</summary>
    public HttpClient Carol { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(_dataDir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "alice-laptop", key = AliceKey, scopes = new[] { "write" }, principal = "alice", roles = new[] { "expert:code", "operator" }, requests_per_second = 1000 },
            new { name = "bob", key = BobKey, scopes = new[] { "write" }, roles = new[] { "expert:docs" }, requests_per_second = 1000 },
            new { name = "carol", key = CarolKey, scopes = new[] { "write" }, requests_per_second = 1000 },
        }));
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir, "--api-keys-file", keys,
            "--Rayswarm:Memory:Review:Domains:0", "code");
        Alice = Client(AliceKey);
        Bob = Client(BobKey);
        Carol = Client(CarolKey);
    }

    /// <summary>A client that sends <paramref name="key"/>.</summary>
    public HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        _clients.Add(http);
        return http;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients) { client.Dispose(); }
        if (_gateway is not null) { await _gateway.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
