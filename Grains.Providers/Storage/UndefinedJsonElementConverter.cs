using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Writes a <see cref="JsonElement"/> as it is and an undefined one (never assigned) as null, where System.Text.Json
/// would throw: in a collection, or as the whole state. Members are left out instead (see <see cref="GrainStateJsonOptions"/>).
/// </summary>
internal sealed class UndefinedJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.ValueKind == JsonValueKind.Undefined) { writer.WriteNullValue(); }
        else { value.WriteTo(writer); }
    }
}
