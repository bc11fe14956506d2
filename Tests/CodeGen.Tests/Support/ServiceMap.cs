namespace Rayswarm.CodeGen.Tests;

/// <summary>A service provider over a fixed map of services.</summary>
internal sealed class ServiceMap(IReadOnlyDictionary<Type, object> services) : IServiceProvider
{
    public object? GetService(Type serviceType) => services.TryGetValue(serviceType, out var service) ? service : null;
}
