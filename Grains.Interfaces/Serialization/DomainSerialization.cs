using System.Text.Json;
using Orleans.Serialization;

namespace Rayswarm.Grains.Interfaces;

/// <summary>Orleans serialization of the contracts: the records carry generated serializers; JSON payloads
/// (<see cref="JsonElement"/>) go through Orleans' System.Text.Json support. Silos and clients both call this.</summary>
public static class DomainSerialization
{
    /// <summary>Adds the serializers the contracts need beyond the generated ones.</summary>
    public static ISerializerBuilder AddDomainSerialization(this ISerializerBuilder serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer.AddJsonSerializer(isSupported: type => type == typeof(JsonElement) || type == typeof(JsonElement?));
    }
}
