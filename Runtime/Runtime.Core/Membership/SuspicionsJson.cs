using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The text form of a row's suspicions that durable membership tables store:
/// <c>[{"by":"host:port@generation","at":"2026-01-02T03:04:05.6789012+00:00"}]</c> (times in UTC, round-trip precision).
/// </summary>
public static class SuspicionsJson
{
    /// <summary>Writes <paramref name="suspicions"/> as a JSON array.</summary>
    public static string Write(IReadOnlyList<Suspicion> suspicions)
    {
        ArgumentNullException.ThrowIfNull(suspicions);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var suspicion in suspicions)
            {
                writer.WriteStartObject();
                writer.WriteString("by", suspicion.By.ToString());
                writer.WriteString("at", suspicion.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not such an array.</exception>
    public static IReadOnlyList<Suspicion> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(e => new Suspicion(
                    SiloAddress.Parse(e.GetProperty("by").GetString() ?? throw new FormatException("A suspicion has no voter.")),
                    DateTimeOffset.Parse(e.GetProperty("at").GetString() ?? throw new FormatException("A suspicion has no time."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)))
                .ToArray();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"'{json}' is not a list of suspicions.", e);
        }
    }
}
