using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Rayswarm.Gateway.Tests;

/// <summary>An endpoint domain's event receiver on a loopback port (real Kestrel): <c>POST /events</c> answers 503 while
/// <see cref="Failing"/>, else 200 and keeps the event's id; <c>GET /health</c> answers 200.</summary>
public sealed class EventSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _received = new();

    private EventSink(WebApplication app) => _app = app;

    /// <summary>Whether <c>POST /events</c> fails.</summary>
    public volatile bool Failing = true;

    /// <summary>The ids of the events taken, in arrival order.</summary>
    public IReadOnlyList<string> Received => [.. _received];

    /// <summary>The base address (with a trailing slash).</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<EventSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new EventSink(app);
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/events", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            if (sink.Failing) { return Results.StatusCode(StatusCodes.Status503ServiceUnavailable); }
            sink._received.Enqueue(body.RootElement.GetProperty("event_id").GetString()!);
            return Results.Ok(new { received = true });
        });
        await app.StartAsync();
        sink.Endpoint = app.Urls.First().TrimEnd('/') + "/"; // the server's addresses: the port it bound

        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
