using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>
/// One text per JSON value, whatever store round-tripped it: objects with keys sorted by ordinal, no whitespace,
/// strings re-escaped by System.Text.Json's default encoder, numbers as the shortest decimal (PostgreSQL's jsonb
/// rewrites <c>1e2</c> as <c>100</c> and reorders keys, so raw text would not survive a save).
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>; JSON null when it is null or undefined.</summary>
    public static byte[] Bytes(JsonElement? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>.</summary>
    public static string Hash(JsonElement? value) => Convert.ToHexStringLower(SHA256.HashData(Bytes(value)));

    /// <summary>Writes the canonical form of <paramref name="value"/>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            writer.WriteNullValue();
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) { Write(writer, item); }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    writer.WriteRawValue(d.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                }
                else
                {
                    writer.WriteRawValue(raw, skipInputValidation: true); // beyond decimal's range: as given
                }
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            default:
                writer.WriteBooleanValue(false);
                break;
        }
    }
}
