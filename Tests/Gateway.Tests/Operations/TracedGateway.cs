using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Rayswarm.Gateway.Tests;

/// <summary>
/// The gateway's own <c>Program</c> (embedded mode, a fresh data dir) in the test process on Kestrel, on a loopback port the OS
/// picks, with traces on (<c>Rayswarm:Telemetry:Traces=true</c>, so Orleans propagates trace context through grain calls) and
/// every finished span in <see cref="Spans"/>. Span listeners are process-wide: tests pick their spans by trace id.
/// </summary>
public sealed class TracedGateway : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-gw-traced-").FullName;

    public SpanSink Spans { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("data-dir", _dataDir);
        builder.UseSetting("Rayswarm:Telemetry:Traces", "true");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http?.Dispose();
        await DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
