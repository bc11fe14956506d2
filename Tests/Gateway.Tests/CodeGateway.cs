using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>One embedded gateway (real executable, fresh data dir) with the <c>code</c> domain module enabled
/// (<c>--domains code</c>), shared by the tests of a class.</summary>
public sealed class CodeGateway : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-code-gw-").FullName;
    private GatewayProcess? _gateway;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; private set; } = null!;

    public Uri Mcp => new(Gateway.BaseAddress, "/mcp");

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir, "--domains", "code");
        Http = new HttpClient { BaseAddress = _gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Ready once the silo serves and the code domain has loaded Roslyn (its first analysis is slow).
        await Eventually.True(async () => (await Http.GetAsync("/readyz")).IsSuccessStatusCode, "the gateway ready", timeoutMs: 120_000);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_gateway is not null) { await _gateway.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
