namespace Rayswarm.Gateway.Tests;

/// <summary>One embedded gateway (real executable, fresh data dir) shared by the tests of a class; tests use their own ids.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-gw-").FullName;
    private GatewayProcess? _gateway;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The domain whose contributions go to review on this gateway.</summary>
    public const string ReviewedDomain = "fixture_reviewed";

    /// <summary>The absolute URL of <paramref name="path"/> on the gateway (for a browser).</summary>
    public string Url(string path) => new Uri(Gateway.BaseAddress, path).ToString();

    public async Task InitializeAsync()
    {
        // The contributions of one domain go to review (docs/memory.md), for the CLI's review correct.
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir,
            "--Rayswarm:Memory:Review:Domains:0", ReviewedDomain);
        Http = new HttpClient { BaseAddress = _gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_gateway is not null) { await _gateway.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
