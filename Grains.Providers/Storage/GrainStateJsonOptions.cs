using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// The serializer settings of grain state documents, as the old runtime wrote them: web defaults (camelCase names,
/// case-insensitive reading), fields included, numbers readable from strings, and tolerant of schema change: unknown
/// members of a stored document are skipped (a member was removed) and missing ones keep the type's defaults (one
/// was added).
/// </summary>
internal static class GrainStateJsonOptions
{
    public static JsonSerializerOptions Create() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new UndefinedJsonElementConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipUndefinedJsonElements } },
    };

    /// <summary>
    /// A <see cref="JsonElement"/> member never assigned is <see cref="JsonValueKind.Undefined"/>, which System.Text.Json
    /// refuses to write. Leaving the member out reads it back as exactly that: the member's default.
    /// </summary>
    private static void SkipUndefinedJsonElements(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) { return; }
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(JsonElement))
            {
                property.ShouldSerialize = static (_, value) => value is JsonElement { ValueKind: not JsonValueKind.Undefined };
            }
            else if (property.PropertyType == typeof(JsonElement?))
            {
                property.ShouldSerialize = static (_, value) => value is not JsonElement { ValueKind: JsonValueKind.Undefined };
            }
        }
    }
}
