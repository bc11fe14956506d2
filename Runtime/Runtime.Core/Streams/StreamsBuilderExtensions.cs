using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Adds durable streams to a silo.</summary>
public static class StreamsBuilderExtensions
{
    /// <summary>
    /// Adds streams (<see cref="IStreamProvider"/> in DI, delivery of this silo's share of the stream partitions), with
    /// <see cref="StreamOptions"/> bound from <c>Rayswarm:Streams</c>. The log is in memory unless one is chosen
    /// (<see cref="UseStreamLog"/>; <c>UseSqliteStreamLog</c>, <c>UsePostgresStreamLog</c>).
    /// </summary>
    public static ISiloBuilder AddStreams(this ISiloBuilder builder, Action<StreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<StreamOptions>().Bind(builder.Configuration.GetSection("Rayswarm:Streams")).ValidateOnStart();
        if (configure is not null) { options.Configure(configure); }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>());
        builder.Services.TryAddSingleton<IStreamLog>(sp => new MemoryStreamLog(sp.GetService<TimeProvider>()));
        builder.Services.AddSingleton<StreamsService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StreamsService>());
        builder.Services.AddSingleton<IStreamProvider, StreamProvider>();
        return builder;
    }

    /// <summary>Uses <paramref name="factory"/>'s stream log.</summary>
    public static ISiloBuilder UseStreamLog(this ISiloBuilder builder, Func<IServiceProvider, IStreamLog> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(factory);
        return builder;
    }
}
