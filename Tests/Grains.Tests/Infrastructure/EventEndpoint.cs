using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Rayswarm.Grains.Tests;

/// <summary>A domain's HTTP endpoint on loopback: records each <c>POST /events</c> body and answers <see cref="Status"/>.</summary>
public sealed class EventEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private EventEndpoint(int port)
    {
        BaseAddress = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseAddress);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseAddress { get; }

    /// <summary>The status every request is answered with.</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<(string Path, JsonElement Body)> Requests { get; } = new();

    public static EventEndpoint Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new EventEndpoint(port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var text = await reader.ReadToEndAsync();
                Requests.Enqueue(($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}", JsonDocument.Parse(text).RootElement.Clone()));
            }
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
