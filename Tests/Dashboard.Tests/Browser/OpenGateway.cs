namespace Rayswarm.Dashboard.Tests;

/// <summary>One embedded gateway without API keys (real executable, fresh data dir), shared by the browser tests.</summary>
public sealed class OpenGateway : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-dash-").FullName;
    private GatewayProcess? _gateway;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The absolute URL of <paramref name="path"/> on the gateway.</summary>
    public string Url(string path) => new Uri(_gateway!.BaseAddress, path).ToString();

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir);
        Http = new HttpClient { BaseAddress = _gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_gateway is not null) { await _gateway.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
