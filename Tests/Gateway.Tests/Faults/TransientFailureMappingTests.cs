using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Rayswarm.Gateway.Tests;

/// <summary>
/// Every API route, its grain call failing with each failure the cluster produces while a silo starts, stops or dies: the
/// answer is 503 with Retry-After and a problem body that says to retry, never a 500; an ordinary bug stays a 500.
/// </summary>
public sealed class TransientFailureMappingTests(InProcessGateway gateway) : IClassFixture<InProcessGateway>
{
    public static TheoryData<string> TransientFailures() => [.. GrainCallFaults.Transient.Keys];

    [Fact]
    public void Every_documented_route_has_a_request_here()
    {
        Assert.Equal(GatewayRoutes.Documented.Order(StringComparer.Ordinal), GatewayRoutes.Requests.Select(r => r.Route).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Every_route_answers_a_transient_cluster_failure_with_503_and_Retry_After(string failure)
    {
        var wrong = new List<string>();
        foreach (var (route, method, path, body) in GatewayRoutes.Requests)
        {
            var answer = await SendAsync(method, path, body, failure);
            var detail = answer.MediaType == "application/problem+json" && answer.Body.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
            // Health's detail is its diagnosis (the failure's message); every other route's says when to retry.
            var saysRetry = route == "/domains/system/health" ? detail.Length > 0 : detail.Contains("Retry after 2 s", StringComparison.Ordinal);
            if (answer.Status != 503 || answer.RetryAfter != "2" || answer.MediaType != "application/problem+json"
                || answer.Body.GetProperty("status").GetInt32() != 503 || !saysRetry)
            {
                wrong.Add($"{method} {path}: {answer.Status}, Retry-After {answer.RetryAfter ?? "none"}, {answer.MediaType}: {answer.Text}");
            }
        }
        Assert.True(wrong.Count == 0, $"{failure}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_ordinary_bug_is_a_500_without_internals_except_on_health_which_reports_it_as_503()
    {
        var wrong = new List<string>();
        foreach (var (route, method, path, body) in GatewayRoutes.Requests)
        {
            var answer = await SendAsync(method, path, body, nameof(NullReferenceException));
            // Health is a diagnosis: whatever keeps the silo from serving is a 503 with the reason (docs/gateway.md).
            var expected = route == "/domains/system/health" ? 503 : 500;
            if (answer.Status != expected || answer.MediaType != "application/problem+json" || (expected == 500 && answer.RetryAfter is not null)
                || (expected == 500 && answer.Text.Contains("injected", StringComparison.Ordinal)))
            {
                wrong.Add($"{method} {path}: {answer.Status}, Retry-After {answer.RetryAfter ?? "none"}, {answer.MediaType}: {answer.Text}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_execute_whose_call_never_answers_is_a_503_soon_after_its_wait_not_at_the_call_timeout()
    {
        // The grain call's own timeout is 2.5 minutes; the gateway gives up 5 s after wait_seconds (0 here).
        var answer = await SendAsync(HttpMethod.Post, "/domains/workflows/execute/wf_held?wait_seconds=0", body: null, GrainCallFaults.Hang)
            .WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(503, answer.Status);
        Assert.Equal("2", answer.RetryAfter);
    }

    [Fact]
    public async Task Without_a_failure_the_routes_answer_as_usual()
    {
        // The same requests unmarked: no 5xx, so the 503s above come from the injected failures alone.
        foreach (var (_, method, path, body) in GatewayRoutes.Requests)
        {
            var answer = await SendAsync(method, path, body, failure: null);
            Assert.True(answer.Status < 500, $"{method} {path}: {answer.Status}: {answer.Text}");
        }
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task An_mcp_tool_reports_a_transient_cluster_failure_as_a_tool_error_that_says_to_retry(string failure)
    {
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(gateway.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { [GrainCallFaults.Header] = failure },
            }),
            new McpClientOptions { ClientInfo = new() { Name = "rayswarm-fault-tests", Version = "1.0" }, ProtocolVersion = McpGateway.Stateful });

        var result = await client.CallToolAsync("list_domains", new Dictionary<string, object?>());

        Assert.True(result.IsError is true, "list_domains succeeded");
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("Temporarily unavailable, retry: ", text, StringComparison.Ordinal);
        Assert.Contains("Retry after 2 s", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mcp_tool_hit_by_a_bug_is_not_reported_as_retryable()
    {
        await using var client = await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(gateway.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { [GrainCallFaults.Header] = nameof(NullReferenceException) },
            }),
            new McpClientOptions { ClientInfo = new() { Name = "rayswarm-fault-tests", Version = "1.0" }, ProtocolVersion = McpGateway.Stateful });

        string message;
        try
        {
            var result = await client.CallToolAsync("list_domains", new Dictionary<string, object?>());
            Assert.True(result.IsError is true, "list_domains succeeded");
            message = string.Join(" ", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        }
        catch (McpProtocolException e)
        {
            message = e.Message; // an internal error of the protocol
        }
        Assert.DoesNotContain("retry", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("injected", message, StringComparison.Ordinal);
    }

    private async Task<(int Status, string? RetryAfter, string? MediaType, JsonElement Body, string Text)> SendAsync(
        HttpMethod method, string path, string? body, string? failure)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) { request.Content = new StringContent(body, Encoding.UTF8, "application/json"); }
        if (failure is not null) { request.Headers.Add(GrainCallFaults.Header, failure); }
        using var response = await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // A stream (server-sent events) that started is judged by its status and headers: it does not end by itself.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, json, text);
    }
}
