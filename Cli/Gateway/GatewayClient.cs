using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>The one HTTP client of the CLI: JSON to and from the gateway's <c>/domains/...</c> routes, the API key on every
/// request, and every failure turned into a <see cref="CliException"/> with one clear line.</summary>
internal sealed class GatewayClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;

    public GatewayClient(Uri baseAddress, string? apiKey, TimeSpan? timeout = null, int maxConnections = 16)
    {
        BaseAddress = baseAddress;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, ConnectTimeout = TimeSpan.FromSeconds(10) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? DefaultTimeout };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(apiKey)) { _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey); }
    }

    public Uri BaseAddress { get; }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, path, null, cancellationToken)).Body;

    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, path, body, cancellationToken)).Body;

    /// <summary>Sends one request; a 2xx answer is returned, anything else throws (problem, unreachable, timeout).</summary>
    public async Task<GatewayAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body, CliJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        HttpResponseMessage response;
        string text;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GatewayUnreachableException(BaseAddress, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayUnreachableException(BaseAddress, $"no answer within {_http.Timeout.TotalSeconds:0} s", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode) { throw Problem(response.StatusCode, text); }
            return new GatewayAnswer((int)response.StatusCode, Parse(text));
        }
    }

    /// <summary>Sends one request and returns only its status: the benchmark's measured call (no parsing, no throwing on 4xx).</summary>
    public async Task<int> SendForStatusAsync(HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) { request.Content = new StringContent(json, Encoding.UTF8, "application/json"); }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (int)response.StatusCode;
    }

    private static JsonElement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) { return default; }
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliException($"the gateway's answer is not JSON: {Shorten(text)}", RayswarmCli.Failure, e);
        }
    }

    private static GatewayProblemException Problem(HttpStatusCode status, string text)
    {
        var title = status.ToString();
        string? detail = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) { title = t.GetString()!; }
                if (document.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) { detail = d.GetString(); }
            }
        }
        catch (JsonException)
        {
            detail = string.IsNullOrWhiteSpace(text) ? null : Shorten(text);
        }
        return new GatewayProblemException((int)status, title, detail);
    }

    private static string Reason(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.ConnectionReset => "connection reset",
                    _ => socket.Message.ToLowerInvariant(),
                };
            }
        }
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "unknown host",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            _ => e.Message.TrimEnd('.'),
        };
    }

    private static string Shorten(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";

    public void Dispose() => _http.Dispose();
}
