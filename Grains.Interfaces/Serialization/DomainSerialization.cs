using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Rayswarm.Grains.Interfaces;

/// <summary>Orleans serialization of the contracts: the records carry generated serializers; JSON payloads
/// (<see cref="JsonElement"/>) go through Orleans' System.Text.Json support; the lists that collection expressions make
/// get a copier and a codec (<see cref="CollectionExpressionCopier"/>, <see cref="CollectionExpressionCodec"/>); grain references
/// find their interface's id in a cache (<see cref="CachedGrainInterfaceTypes"/>). Silos and clients both call this.</summary>
public static class DomainSerialization
{
    /// <summary>Adds the serializers the contracts need beyond the generated ones.</summary>
    public static ISerializerBuilder AddDomainSerialization(this ISerializerBuilder serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        serializer.Services.AddSingleton<ISpecializableCopier, CollectionExpressionCopier>();
        serializer.Services.AddSingleton<ISpecializableCodec, CollectionExpressionCodec>();
        CachedGrainInterfaceTypes.Register(serializer.Services);
        return serializer.AddJsonSerializer(isSupported: type => type == typeof(JsonElement) || type == typeof(JsonElement?));
    }
}
