using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Tests;

/// <summary>A real silo in a real generic host, started for one test.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(IHost host) => Host = host;

    public IHost Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null, TimeProvider? time = null, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (settings is not null) { builder.Configuration.AddInMemoryCollection(settings); }
        if (time is not null) { builder.Services.AddSingleton(time); }
        services?.Invoke(builder.Services);
        builder.UseSilo(silo =>
        {
            silo.AddMemoryGrainStorage();
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async Task StopAsync() => await Host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
