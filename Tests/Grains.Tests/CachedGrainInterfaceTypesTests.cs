using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Metadata;
using Orleans.Serialization;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Grain references find their interface's id in a cache once <see cref="DomainSerialization.AddDomainSerialization"/>
/// is added; every interface must keep the id Orleans gives it alone, or calls would not find their grains.</summary>
public sealed class CachedGrainInterfaceTypesTests
{
    [Fact]
    public void Every_grain_interface_keeps_the_id_Orleans_gives_it()
    {
        using var bare = Client(withOurs: false);
        using var ours = Client(withOurs: true);
        var expected = bare.Services.GetRequiredService<GrainInterfaceTypeResolver>();
        var cached = ours.Services.GetRequiredService<GrainInterfaceTypeResolver>();
        Type[] interfaces =
        [
            .. typeof(IRegistryGrain).Assembly.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)),
            typeof(IManagementGrain), typeof(IGrainWithStringKey),
        ];
        Assert.True(interfaces.Length > 10, $"only {interfaces.Length} interfaces found");
        Assert.Equal("CachedGrainInterfaceTypes", ours.Services.GetServices<IGrainInterfaceTypeProvider>().First().GetType().Name);
        foreach (var type in interfaces)
        {
            var want = expected.GetGrainInterfaceType(type);
            Assert.Equal(want, cached.GetGrainInterfaceType(type));
            Assert.Equal(want, cached.GetGrainInterfaceType(type)); // and again, from the cache
        }
    }

    private static IHost Client(bool withOurs)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering();
            if (withOurs) { client.Services.AddSerializer(s => s.AddDomainSerialization()); }
        });
        return builder.Build();
    }
}
