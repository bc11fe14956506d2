using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;

namespace Rayswarm.Grains.Interfaces;

/// <summary>
/// Remembers the grain interface id of each interface type. Orleans' <see cref="AttributeGrainInterfaceTypeProvider"/>
/// reads the interface's attributes by reflection on every <c>GetGrain</c>, and without one the resolver then formats the
/// type's name; the answer never changes for a type. This provider takes the attribute provider's place (first in the
/// list), asks it once per type, and otherwise gives the resolver's own convention, so every interface gets the id it
/// got before.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly AttributeGrainInterfaceTypeProvider _attributes = new(services);
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();
    private GrainInterfaceTypeResolver? _resolver; // resolved on first use: it holds this provider

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = _known.GetOrAdd(type, static (t, self) => self.Resolve(t), this);
        return true;
    }

    private GrainInterfaceType Resolve(Type type) =>
        _attributes.TryGetGrainInterfaceType(type, out var declared)
            ? declared
            : (_resolver ??= services.GetRequiredService<GrainInterfaceTypeResolver>()).GetGrainInterfaceTypeByConvention(type);

    /// <summary>Puts this provider in place of Orleans' attribute provider, once.</summary>
    internal static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ImplementationType == typeof(CachedGrainInterfaceTypes))) { return; }
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IGrainInterfaceTypeProvider) && services[i].ImplementationType == typeof(AttributeGrainInterfaceTypeProvider))
            {
                services.RemoveAt(i);
            }
        }
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, CachedGrainInterfaceTypes>());
    }
}
