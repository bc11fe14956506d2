using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rayswarm.Grains;

/// <summary>Registers the domain system's metrics (<see cref="RayswarmMetrics"/>).</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RayswarmMetrics"/> on the host's meter factory and lets the event log report to it; safe to
    /// call more than once. What is recorded reaches an exporter only once one listens (docs/operations.md).</summary>
    public static IServiceCollection AddDomainMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<RayswarmMetrics>();
        services.TryAddSingleton<IEventLogObserver, EventLogMetrics>();
        return services;
    }
}
