using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Adds the durable event bus to a silo: <c>silo.AddEventLogStreams(o => …).UsePostgresEventLog(connectionString)</c>
/// (or <see cref="UseSqliteEventLog"/>, <see cref="UseMemoryEventLog"/>; exactly one log is required, in any order).
/// </summary>
public static class EventLogStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the Orleans persistent stream provider <see cref="EventLogStreams.ProviderName"/> over the event log (one queue per
    /// log partition, implicit pub-sub only), the wildcard routers, and <see cref="IEventStreams"/> in DI, with
    /// <see cref="EventLogStreamOptions"/> bound from <c>Rayswarm:Streams</c> and then <paramref name="configure"/>.
    /// </summary>
    public static ISiloBuilder AddEventLogStreams(this ISiloBuilder builder, Action<EventLogStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<EventLogStreamOptions>().Bind(builder.Configuration.GetSection(EventLogStreamOptions.SectionName)).ValidateOnStart();
        if (configure is not null) { options.Configure(configure); }
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventLogStreamOptions>, EventLogStreamOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new EventLogRuntime(
            sp.GetService<IStreamLog>() ?? throw new InvalidOperationException(
                "AddEventLogStreams needs an event log: call UsePostgresEventLog, UseSqliteEventLog or UseMemoryEventLog on the silo builder."),
            sp.GetRequiredService<IOptions<EventLogStreamOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetService<IEventLogObserver>()));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<EventLogRuntime>());
        builder.Services.AddSingleton<IEventStreams, EventStreams>();
        builder.AddPersistentStreams(EventLogStreams.ProviderName, EventLogAdapterFactory.Create, stream =>
        {
            stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptions<EventLogStreamOptions>>((pulling, ours) =>
            {
                pulling.GetQueueMsgsTimerPeriod = ours.Value.PumpPeriod;
            }));
        });
        return builder;
    }

    /// <summary>Keeps the event log in a SQLite file (created with its folder when missing): one silo, or several processes on one machine.</summary>
    public static ISiloBuilder UseSqliteEventLog(this ISiloBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return UseEventLog(builder, sp => new SqliteStreamLog(new SqliteStorageOptions { DatabasePath = databasePath }, sp.GetService<TimeProvider>()));
    }

    /// <summary>Keeps the event log in PostgreSQL (tables created on first use): the cluster's choice.</summary>
    public static ISiloBuilder UsePostgresEventLog(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return UseEventLog(builder, sp => new PostgresStreamLog(new PostgresStorageOptions { ConnectionString = connectionString }, sp.GetService<TimeProvider>()));
    }

    /// <summary>Keeps the event log in this process's memory (tests; nothing survives the process, one silo only).</summary>
    public static ISiloBuilder UseMemoryEventLog(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return UseEventLog(builder, sp => new MemoryStreamLog(sp.GetService<TimeProvider>()));
    }

    /// <summary>Uses <paramref name="factory"/>'s event log (replacing one chosen before).</summary>
    public static ISiloBuilder UseEventLog(this ISiloBuilder builder, Func<IServiceProvider, IStreamLog> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<IStreamLog>();
        builder.Services.AddSingleton(factory);
        return builder;
    }
}
