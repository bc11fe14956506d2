using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>Reading the gateway's JSON for display: a property as text (escaped for Spectre markup), a number, a list.</summary>
internal static class JsonText
{
    /// <summary>The property as plain text: strings as they are, numbers invariant, null or missing as an empty string.</summary>
    public static string Text(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? Plain(value) : "";

    /// <summary><see cref="Text"/>, escaped for use in a Spectre table cell or markup.</summary>
    public static string Cell(this JsonElement element, string property) => Markup.Escape(element.Text(property));

    /// <summary>A time property as UTC <c>yyyy-MM-dd HH:mm:ss</c>, short enough for a table.</summary>
    public static string Time(this JsonElement element, string property) =>
        DateTimeOffset.TryParse(element.Text(property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : element.Text(property);

    /// <summary>A JSON value as compact text cut to <paramref name="max"/> characters, escaped for markup.</summary>
    public static string Snippet(this JsonElement element, string property, int max = 60)
    {
        var text = element.Child(property) is { ValueKind: not JsonValueKind.Undefined } value ? value.GetRawText() : "";
        return Markup.Escape(text.Length <= max ? text : text[..max] + "…");
    }

    public static double Number(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble() : 0;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray() : [];

    public static JsonElement Child(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    public static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Plain)),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };
}
