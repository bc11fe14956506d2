using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Testing;
using Xunit.Abstractions;

namespace Rayswarm.Gateway.Tests;

/// <summary>A gateway that stops answers what still reaches it with 503 and Retry-After, never with a 500.</summary>
public sealed class StoppingGatewayTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-gw-stop-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task Once_the_gateway_stops_new_requests_get_503_with_Retry_After_and_Connection_close()
    {
        var gateway = new InProcessGateway();
        await ((IAsyncLifetime)gateway).InitializeAsync();
        try
        {
            await gateway.Http.GetOkAsync("/domains/list");

            // The host's stop begins (as on SIGTERM). Our callback runs first (the token calls its callbacks newest first) and
            // holds the stop there, before the server stops listening, until the requests below have been answered.
            var lifetime = gateway.Services.GetRequiredService<IHostApplicationLifetime>();
            using var release = new ManualResetEventSlim();
            using var hold = lifetime.ApplicationStopping.Register(() => release.Wait(TimeSpan.FromSeconds(60)));
            var stopping = Task.Run(lifetime.StopApplication);
            await Eventually.True(() => lifetime.ApplicationStopping.IsCancellationRequested, "the gateway began to stop");

            using var api = await gateway.Http.GetAsync("/domains/list");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("2", api.Headers.RetryAfter?.ToString());
            Assert.True(api.Headers.ConnectionClose, "no Connection: close");
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
            {
                Assert.Equal("The gateway is stopping", problem.RootElement.GetProperty("title").GetString());
                Assert.Contains("after 2 s", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            using var mcpRequest = new HttpRequestMessage(HttpMethod.Post, "/mcp")
            {
                Content = new StringContent("""{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}""", Encoding.UTF8, "application/json"),
            };
            mcpRequest.Headers.Accept.ParseAdd("application/json");
            mcpRequest.Headers.Accept.ParseAdd("text/event-stream");
            using var mcp = await gateway.Http.SendAsync(mcpRequest);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, mcp.StatusCode);
            Assert.Equal("2", mcp.Headers.RetryAfter?.ToString());
            using (var error = JsonDocument.Parse(await mcp.Content.ReadAsStringAsync()))
            {
                Assert.Equal(-32000, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
            }

            release.Set();
            await stopping;
        }
        finally
        {
            await ((IAsyncLifetime)gateway).DisposeAsync();
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_gateway_stopped_with_SIGTERM_while_publishes_are_in_flight_answers_them_with_2xx_or_503_never_500()
    {
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dataDir);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var answers = new ConcurrentQueue<(int Status, string? RetryAfter, string Body)>();
        var refused = 0;
        var terminated = false;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // Publishers (with event ids, so a retry would be idempotent) until the gateway is gone.
        var publishers = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var body = $$"""{"event_type": "stop.ping", "source_domain": "stopper", "data": {"n": {{n}}}, "event_id": "p{{p}}-{{n}}"}""";
                try
                {
                    using var response = await http.PostAsync("/domains/events/publish", new StringContent(body, Encoding.UTF8, "application/json"), stop.Token);
                    answers.Enqueue(((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync(stop.Token)));
                }
                catch (HttpRequestException) when (Volatile.Read(ref terminated))
                {
                    Interlocked.Increment(ref refused); // the gateway stopped listening: what a stopped process does
                    return;
                }
            }
        })).ToArray();

        await Eventually.True(() => answers.Count(a => a.Status == 200) >= 100, "publishes are flowing", 60_000);
        Volatile.Write(ref terminated, true);
        gateway.Terminate();
        await Task.WhenAll(publishers).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, await gateway.ExitCodeAsync());
        output.WriteLine($"{answers.Count(a => a.Status is >= 200 and < 300)} published, {answers.Count(a => a.Status == 503)} answered 503, {refused} refused once stopped");
        var wrong = answers.Where(a => a.Status is not (>= 200 and < 300) && !(a.Status == 503 && a.RetryAfter == "2")).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers besides 2xx and 503 + Retry-After:\n"
            + string.Join("\n", wrong.Take(5).Select(a => $"{a.Status} Retry-After {a.RetryAfter ?? "none"}: {a.Body}")));
        Assert.Equal(8, refused); // every publisher ran until the gateway went away
    }
}
