using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains;

namespace Rayswarm.Silo;

/// <summary>
/// A small Kestrel server beside the silo (<see cref="SiloHttpOptions"/>) serving <c>/healthz</c>, <c>/readyz</c> and
/// <c>/metrics</c> for Kubernetes and Prometheus. It is its own minimal web application reporting on the silo's host, and it is
/// registered before the silo, so it starts before the silo starts and stops after the silo has stopped: <c>/readyz</c> can
/// answer 503 while the silo joins and while it drains, and <c>/healthz</c> answers throughout.
/// </summary>
internal sealed class SiloHttpListener(SiloHttpOptions options, IServiceProvider silo, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, SiloOwnedLifetime>(); // SIGTERM is the silo host's to handle, not this one's
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails(); // an unknown path or method is a 404 or 405 problem, as on the gateway
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port!.Value));
        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseRouting();
        app.MapProbes(silo);
        app.MapMetrics(silo);
        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Console.WriteLine($"silo-http {address}"); // scripts and tests find the port here (--http-port 0)
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) { await _app.DisposeAsync(); }
    }

    /// <summary>The listener's lifetime is the silo host's: no console signal handling of its own.</summary>
    private sealed class SiloOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
