using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Rayswarm.Grains.Providers;

/// <summary>Creates the event log's queue adapter, its partition-per-queue mapper, Orleans' simple queue cache and the failure handler.</summary>
internal sealed class EventLogAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly EventLogRuntime _runtime;
    private readonly EventLogQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly EventLogFailureHandler _failureHandler;

    public EventLogAdapterFactory(string name, EventLogRuntime runtime, ILoggerFactory loggers)
    {
        _name = name;
        _runtime = runtime;
        _mapper = new EventLogQueueMapper(name);
        _cache = new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = runtime.Options.MaxInFlightPerPartition }, name, loggers);
        _failureHandler = new EventLogFailureHandler(loggers.CreateLogger<EventLogFailureHandler>());
    }

    public static EventLogAdapterFactory Create(IServiceProvider services, string name) =>
        new(name, services.GetRequiredService<EventLogRuntime>(), services.GetRequiredService<ILoggerFactory>());

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => Task.FromResult<IQueueAdapter>(new EventLogAdapter(_name, _runtime));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult<IStreamFailureHandler>(_failureHandler);
}
