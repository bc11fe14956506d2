using System.Net.Http.Json;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The HTTP side of the domain contract, for domains outside the cluster (docs/domains.md):
/// <list type="bullet">
/// <item><c>POST {endpoint}/events</c> with the event; any 2xx is delivered.</item>
/// <item><c>POST {endpoint}/actions/{action}</c> with <c>{"workflow_id", "step_id", "input"}</c>; a 2xx body (JSON, may be
/// empty) is the output.</item>
/// <item><c>POST {endpoint}/actions/{action}/compensate</c> with <c>{"workflow_id", "step_id", "input", "output"}</c>.</item>
/// <item><c>GET {endpoint}/describe</c>: the domain's actions (<see cref="DomainDescription"/>), for its MCP tools.</item>
/// <item><c>GET {endpoint}/health</c>: any 2xx is alive (the registry asks when heartbeats stop).</item>
/// </list>
/// Every request carries <c>Authorization: Bearer {token}</c>, the token issued to the domain when it registered; action
/// and compensation requests carry the call's <see cref="IdempotencyKeys.Header"/> header (the same on every retry).
/// Bodies are snake_case JSON. Anything else (no connection, a timeout, a non-2xx status) throws
/// <see cref="DomainHttpException"/> naming the endpoint, so callers fail the step or retry the delivery and never hang.
/// </summary>
public sealed class DomainHttpClient(DomainHttpOptions options) : IDisposable
{
    /// <summary>The JSON conventions of the protocol.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // per call, below
    };

    /// <summary>Delivers <paramref name="domainEvent"/> to <c>{baseAddress}events</c>.</summary>
    public async Task PostEventAsync(DomainTarget.Remote target, DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(target, new Uri(target.BaseAddress, "events"), domainEvent, options.EventTimeout, idempotencyKey: null, cancellationToken);
    }

    /// <summary>Reads <c>{baseAddress}describe</c>: the domain's actions. Throws <see cref="DomainHttpException"/> when it does not
    /// answer 2xx with a body of that shape.</summary>
    public async Task<DomainDescription> DescribeAsync(DomainTarget.Remote target, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(target.BaseAddress, "describe");
        using var response = await SendAsync<object?>(target, uri, null, options.EventTimeout, idempotencyKey: null, cancellationToken, HttpMethod.Get);
        try
        {
            var description = await response.Content.ReadFromJsonAsync<DomainDescription>(Json, cancellationToken);
            return description is { Actions: not null } && description.Actions.All(a => !string.IsNullOrWhiteSpace(a?.Name))
                ? description
                : throw new DomainHttpException($"GET {uri} answered without a list of named actions.");
        }
        catch (JsonException e)
        {
            throw new DomainHttpException($"GET {uri} answered with a body that is not a description: {e.Message}", e);
        }
    }

    /// <summary>Whether <c>{baseAddress}health</c> answers 2xx within <paramref name="timeout"/>.</summary>
    public async Task<bool> IsAliveAsync(DomainTarget.Remote target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await SendAsync<object?>(target, new Uri(target.BaseAddress, "health"), null, timeout, idempotencyKey: null, cancellationToken, HttpMethod.Get);
            return true;
        }
        catch (DomainHttpException)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="action"/> at <c>{baseAddress}actions/{action}</c> and returns its output (JSON null when the body is empty).</summary>
    public async Task<JsonElement> ExecuteAsync(DomainTarget.Remote target, string action, string? workflowId, string? stepId, JsonElement input,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(target.BaseAddress, "actions/" + Uri.EscapeDataString(action));
        using var response = await SendAsync(target, uri, new { workflow_id = workflowId, step_id = stepId, input }, options.ActionTimeout,
            idempotencyKey, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0) { return JsonSerializer.SerializeToElement<object?>(null); }
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException e)
        {
            throw new DomainHttpException($"POST {uri} answered with a body that is not JSON: {e.Message}", e);
        }
    }

    /// <summary>Undoes <paramref name="action"/> at <c>{baseAddress}actions/{action}/compensate</c>.</summary>
    public async Task CompensateAsync(DomainTarget.Remote target, string action, string workflowId, string stepId, JsonElement input, JsonElement output,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(target.BaseAddress, "actions/" + Uri.EscapeDataString(action) + "/compensate");
        using var response = await SendAsync(target, uri, new { workflow_id = workflowId, step_id = stepId, input, output }, options.ActionTimeout,
            idempotencyKey, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync<T>(DomainTarget.Remote target, Uri uri, T body, TimeSpan timeout, string? idempotencyKey,
        CancellationToken cancellationToken, HttpMethod? method = null)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        method ??= HttpMethod.Post;
        using var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            // Buffered, so the request has a Content-Length: the simplest servers (Python's http.server) read no chunked bodies.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }
        if (target.Token is { } token) { request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token); }
        if (idempotencyKey is not null) { request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, idempotencyKey); }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timer.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DomainHttpException($"{method} {uri} did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw new DomainHttpException($"{method} {uri} failed: {e.Message}", e);
        }
        if (response.IsSuccessStatusCode) { return response; }
        using (response)
        {
            var detail = await ReadShortAsync(response, cancellationToken);
            throw new DomainHttpException($"{method} {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}{detail}");
        }
    }

    private static async Task<string> ReadShortAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return text.Length == 0 ? "" : ": " + (text.Length > 500 ? text[..500] + "…" : text);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
