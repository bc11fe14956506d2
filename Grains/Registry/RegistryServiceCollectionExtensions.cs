using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Grains;

/// <summary>Configures the registry grains.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>Registers validated <see cref="RegistryOptions"/> for the registry grains.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, Action<RegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RegistryOptions();
        configure?.Invoke(options);
        options.Validate();
        return services.AddSingleton(options);
    }
}
