using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Gateway.Tests;

/// <summary>
/// The gateway's own <c>Program</c> (embedded mode, a fresh data dir) hosted in the test process on Kestrel, on a loopback
/// port the OS picks, with <see cref="GrainCallFaults"/> in its silo: requests reach it over real HTTP and can make its grain
/// calls fail.
/// </summary>
public sealed class InProcessGateway : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-gw-inproc-").FullName;

    public GrainCallFaults Faults { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("data-dir", _dataDir);
        builder.ConfigureLogging(logging => logging.ClearProviders()); // the injected failures would fill the test output
        builder.ConfigureServices(services =>
        {
            // First in the chain of outgoing filters, so it runs before (outside) the retry of rejected calls.
            services.Insert(0, ServiceDescriptor.Singleton<IOutgoingGrainCallFilter>(Faults));
            services.AddSingleton<IStartupFilter>(Faults);
        });
    }

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Http?.Dispose();
        await DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }
}
