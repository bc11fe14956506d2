using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Testing;

/// <summary>
/// A domain outside the cluster: a real HTTP server on 127.0.0.1 (port chosen by the OS) speaking the action protocol
/// (POST /actions/{action}, POST /actions/{action}/compensate). <see cref="Handler"/> answers each call; every call is
/// recorded in <see cref="Calls"/>. GETs (/health, /describe) are answered by <see cref="GetHandler"/>.
/// </summary>
public sealed class EndpointDomain : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointDomain(WebApplication app) => _app = app;

    /// <summary>The base URL to register the domain with.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Every call: (path, body).</summary>
    public ConcurrentQueue<(string Path, JsonElement Body)> Calls { get; } = new();

    /// <summary>Every call: (path, its Idempotency-Key header or null).</summary>
    public ConcurrentQueue<(string Path, string? IdempotencyKey)> IdempotencyKeyHeaders { get; } = new();

    /// <summary>Every GET: its path.</summary>
    public ConcurrentQueue<string> Gets { get; } = new();

    /// <summary>Answers a GET (/health, /describe) given its path: (status code, JSON body). Default: 404.</summary>
    public Func<string, (int Status, string Body)> GetHandler { get; set; } = _ => (404, """{"error": "not found"}""");

    /// <summary>Answers a call given its path and body: (status code, JSON body). Default: 200 with <c>{"ok": true}</c>.</summary>
    public Func<string, JsonElement, Task<(int Status, string Body)>> Handler { get; set; } =
        (_, _) => Task.FromResult((200, """{"ok": true}"""));

    public static async Task<EndpointDomain> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var domain = new EndpointDomain(app);
        app.MapPost("/{**path}", async (HttpContext context, string path) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            domain.Calls.Enqueue(("/" + path, body));
            domain.IdempotencyKeyHeaders.Enqueue(("/" + path, context.Request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null));
            var (status, text) = await domain.Handler("/" + path, body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text);
        });
        app.MapGet("/{**path}", async (HttpContext context, string path) =>
        {
            domain.Gets.Enqueue("/" + path);
            var (status, text) = domain.GetHandler("/" + path);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text);
        });
        await app.StartAsync();
        domain.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/";
        return domain;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
