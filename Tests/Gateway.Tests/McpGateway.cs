using System.Net.Http.Headers;
using ModelContextProtocol.Client;

namespace Rayswarm.Gateway.Tests;

/// <summary>One real gateway (its executable, on a loopback port) shared by the MCP tests of a class.</summary>
public sealed class McpGateway : IAsyncLifetime
{
    /// <summary>A browser origin the gateway is configured to allow besides loopback ones.</summary>
    public const string AllowedOrigin = "https://agent.example.com";

    /// <summary>A domain every contribution of which goes to review (docs/memory.md, Reviews).</summary>
    public const string ReviewedDomain = "mcp_reviewed";

    public const string Stateful = "2025-11-25";
    public const string Stateless = "2026-07-28";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-mcp-").FullName;
    private GatewayProcess? _process;

    public GatewayProcess Process => _process ?? throw new InvalidOperationException("not started");

    public Uri Endpoint => new(Process.BaseAddress, "/mcp");

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _process = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir, "--Mcp:AllowedOrigins:0", AllowedOrigin,
            "--Rayswarm:Memory:Review:Domains:0", ReviewedDomain);
        Http = new HttpClient { BaseAddress = Process.BaseAddress };
    }

    /// <summary>A client of the SDK over Streamable HTTP that speaks exactly <paramref name="protocolVersion"/>.</summary>
    public Task<McpClient> ConnectAsync(string protocolVersion, McpClientHandlers? handlers = null) => Connect(Endpoint, protocolVersion, handlers);

    /// <summary>A client of the SDK over Streamable HTTP to the MCP endpoint <paramref name="endpoint"/> of any test gateway.</summary>
    public static Task<McpClient> Connect(Uri endpoint, string protocolVersion, McpClientHandlers? handlers = null) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            new McpClientOptions
            {
                ClientInfo = new() { Name = "rayswarm-tests", Version = "1.0" },
                ProtocolVersion = protocolVersion,
                Handlers = handlers ?? new McpClientHandlers(),
            });

    /// <summary>A raw POST to <c>/mcp</c> with the Accept header Streamable HTTP requires.</summary>
    public HttpRequestMessage Post(string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        foreach (var (name, value) in headers) { request.Headers.TryAddWithoutValidation(name, value); }
        return request;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null) { await _process.DisposeAsync(); }
        Directory.Delete(_dataDir, recursive: true);
    }
}
