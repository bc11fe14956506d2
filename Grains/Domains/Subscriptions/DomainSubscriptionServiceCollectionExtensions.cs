using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Subscribes hosted domains to bus patterns of their own on start: durable subscriptions made through the bus
/// (<see cref="IEventBusGrain.Subscribe"/>), so the events reach the domain's <see cref="IDomainWorkerGrain.OnEvent"/>.</summary>
public static class DomainSubscriptionServiceCollectionExtensions
{
    /// <summary>The setting that replaces a domain's default patterns: <c>Rayswarm:Domains:Subscriptions:{domain}</c>, a
    /// comma-separated list or an array; an empty value subscribes it to nothing.</summary>
    public static string SettingKey(string domainId) => $"Rayswarm:Domains:Subscriptions:{domainId}";

    /// <summary>Subscribes the hosted domain <paramref name="domainId"/> to <paramref name="defaultPatterns"/> (or the
    /// patterns of <see cref="SettingKey"/>) once the silo serves. Subscribing again is harmless: the same domain and
    /// pattern is the same subscription. Patterns dropped from the setting later stay subscribed until unsubscribed.</summary>
    public static IServiceCollection AddDomainSubscriptions(this IServiceCollection services, string domainId, IReadOnlyList<string> defaultPatterns)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(defaultPatterns);
        DomainRegistration.ValidateDomainId(domainId);
        foreach (var pattern in defaultPatterns) { SubscribeRequest.ValidatePattern(pattern, $"the default subscriptions of '{domainId}'"); }
        services.AddSingleton(new DomainSubscriptionDefaults(domainId, defaultPatterns));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedDomainSubscriber>());
        return services;
    }

    /// <summary>Makes none of the hosted domains' own subscriptions (e.g. the memory domain's <c>ml.*</c>): for tests that
    /// count every subscription, and hosts that subscribe them themselves.</summary>
    public static IServiceCollection WithoutHostedDomainSubscriptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services.Where(d => d.ImplementationType == typeof(HostedDomainSubscriber)).ToList())
        {
            services.Remove(descriptor);
        }
        return services;
    }

    /// <summary>The patterns <paramref name="defaults"/>' domain subscribes to under <paramref name="configuration"/>;
    /// throws <see cref="InvalidOperationException"/> naming the setting for an invalid pattern.</summary>
    public static IReadOnlyList<string> PatternsOf(DomainSubscriptionDefaults defaults, IConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var key = SettingKey(defaults.DomainId);
        var section = configuration?.GetSection(key);
        IEnumerable<string> patterns = section switch
        {
            { Value: { } text } => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            not null when section.GetChildren().Any() => section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0),
            _ => defaults.Patterns,
        };
        var result = patterns.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var pattern in result)
        {
            try
            {
                SubscribeRequest.ValidatePattern(pattern, key);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException(e.Message, e);
            }
        }
        return result;
    }
}
