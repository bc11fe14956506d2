using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains;

/// <summary>Registers the event bus's services.</summary>
public static class EventBusServiceCollectionExtensions
{
    /// <summary>Adds what the bus grains need (reach to domains, the flow meter); safe to call more than once.</summary>
    public static IServiceCollection AddEventBus(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDomainReach();
        if (services.Any(d => d.ServiceType == typeof(EventFlowMeter))) { return services; }
        services.AddSingleton<EventFlowMeter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventFlowMeter>(sp => sp.GetRequiredService<EventFlowMeter>()));
        return services;
    }
}
