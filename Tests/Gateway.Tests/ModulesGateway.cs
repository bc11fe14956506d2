using ModelContextProtocol.Client;

namespace Rayswarm.Gateway.Tests;

/// <summary>One embedded gateway (its real executable, fresh data dir) started with <c>--domains documents,neural,monitor</c>,
/// shared by the tests of a class.</summary>
public sealed class ModulesGateway : IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-modules-").FullName;
    private GatewayProcess? _process;

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _process = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir, "--domains", "documents,neural,monitor");
        Http = new HttpClient { BaseAddress = _process.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>An MCP client (Streamable HTTP, the session revision).</summary>
    public Task<McpClient> ConnectAsync() =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(_process!.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
            }),
            new McpClientOptions { ClientInfo = new() { Name = "rayswarm-tests", Version = "1.0" }, ProtocolVersion = McpGateway.Stateful });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null) { await _process.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
