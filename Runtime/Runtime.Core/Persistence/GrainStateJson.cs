using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// How grain state is written: JSON, tolerant of schema change. Unknown members in a stored document are
/// ignored (a field was removed), missing ones keep the type's defaults (a field was added).
/// </summary>
public static class GrainStateJson
{
    /// <summary>The serializer options used for every state document.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
