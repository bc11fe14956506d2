using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>Orleans' activator provider as a silo has it, for constructing the storage outside a silo.</summary>
internal static class OrleansActivators
{
    private static readonly Lazy<IActivatorProvider> Provider = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>());

    public static IActivatorProvider Instance => Provider.Value;
}
