using System.Text;
using System.Text.Json;

namespace Rayswarm.Grains;

/// <summary>
/// The text both stores index and search. Everything that is not a letter or digit separates words, on both sides, so
/// "port_timeout", "port-timeout" and "ml.prediction" are two words each whatever the database's own parser thinks.
/// </summary>
internal static class KnowledgeText
{
    /// <summary>The searchable text of a contribution: its type, then every key and string value of its content.</summary>
    public static string Of(string contributionType, JsonElement content)
    {
        var text = new StringBuilder();
        Append(text, contributionType);
        Flatten(content, text);
        return text.ToString().TrimEnd();
    }

    /// <summary>The words of a query (letters and digits), lower-cased, without repeats.</summary>
    public static IReadOnlyList<string> Words(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) { return []; }
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= query.Length; i++)
        {
            var isWordChar = i < query.Length && char.IsLetterOrDigit(query[i]);
            if (isWordChar && start < 0) { start = i; }
            if (!isWordChar && start >= 0)
            {
                var word = query[start..i].ToLowerInvariant();
                if (!words.Contains(word)) { words.Add(word); }
                start = -1;
            }
        }
        return words;
    }

    private static void Flatten(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Append(text, property.Name);
                    Flatten(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) { Flatten(item, text); }
                break;
            case JsonValueKind.String:
                Append(text, element.GetString()!);
                break;
        }
    }

    private static void Append(StringBuilder text, string value)
    {
        foreach (var c in value) { text.Append(char.IsLetterOrDigit(c) ? c : ' '); }
        text.Append(' ');
    }
}
