using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rayswarm.Grains.Providers;

/// <summary>How stream payloads are written: JSON with web defaults, tolerant of schema changes.</summary>
public static class StreamJson
{
    /// <summary>The options of every stream payload.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        IncludeFields = true,
    };
}
