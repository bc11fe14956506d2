namespace Rayswarm.Domains.Documents;

/// <summary>The passage of a section shown with a search result: up to <see cref="Length"/> characters around the first
/// word of the query found in it (at word boundaries, "…" where cut), or its beginning when only a stemmed form matched.</summary>
internal static class Passages
{
    public const int Length = 300;

    private const int Before = 80;

    public static string Of(string text, IReadOnlyList<string> words)
    {
        if (text.Length <= Length) { return text; }
        var hit = words.Select(w => FirstWord(text, w)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, hit - Before);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) { start--; }
        var end = Math.Min(text.Length, start + Length);
        while (end < text.Length && end > start + Length / 2 && !char.IsWhiteSpace(text[end])) { end--; }
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    /// <summary>Where <paramref name="word"/> first starts a word of <paramref name="text"/> (ignoring case), or -1.</summary>
    private static int FirstWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1])) { return i; }
        }
        return -1;
    }
}
