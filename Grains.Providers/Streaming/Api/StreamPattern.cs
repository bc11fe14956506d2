namespace Rayswarm.Grains.Providers;

/// <summary>
/// A pattern over stream keys, segments separated by dots: <c>*</c> alone matches every key; otherwise <c>*</c> matches
/// exactly one segment (<c>ml.*</c> matches <c>ml.prediction</c>, not <c>ml.a.b</c> nor <c>ml</c>) and <c>#</c> matches
/// zero or more segments (<c>ml.#</c> matches <c>ml</c>, <c>ml.a</c> and <c>ml.a.b</c>). Other segments match literally
/// (ordinal, case-sensitive).
/// </summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamPattern")]
public sealed class StreamPattern : IEquatable<StreamPattern>
{
    // Derived from Text (not serialized): parsed again on first use after a copy crossed a grain boundary.
    [NonSerialized]
    private string[]? _segments;

    /// <summary>Parses a pattern; throws <see cref="FormatException"/> for an empty pattern, an empty segment, or a segment
    /// that mixes a wildcard with other characters.</summary>
    public StreamPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Text = pattern;
        _segments = pattern.Split('.');
        foreach (var segment in _segments)
        {
            if (segment.Length == 0) { throw new FormatException($"Pattern '{pattern}' has an empty segment."); }
            if ((segment.Contains('*') || segment.Contains('#')) && segment is not ("*" or "#"))
            {
                throw new FormatException($"Pattern '{pattern}': a wildcard must be a whole segment ('*' or '#'), not '{segment}'.");
            }
        }
    }

    /// <summary>The pattern as written.</summary>
    [Id(0)]
    public string Text { get; }

    private string[] Segments => _segments ??= Text.Split('.');

    /// <summary>Whether <paramref name="pattern"/> is a valid pattern.</summary>
    public static bool IsValid(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern)) { return false; }
        foreach (var segment in pattern.Split('.'))
        {
            if (segment.Length == 0 || ((segment.Contains('*') || segment.Contains('#')) && segment is not ("*" or "#"))) { return false; }
        }
        return true;
    }

    /// <summary>Whether the pattern has no wildcard (it names one stream key).</summary>
    public bool IsLiteral => !Segments.Any(s => s is "*" or "#");

    /// <summary>Whether <paramref name="key"/> matches.</summary>
    public bool Matches(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Segments is ["*"]) { return true; }
        return Match(Segments, 0, key.Split('.'), 0);
    }

    private static bool Match(string[] pattern, int p, string[] key, int k)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == "#")
            {
                // Zero or more segments: try every split.
                for (var skip = k; skip <= key.Length; skip++) { if (Match(pattern, p + 1, key, skip)) { return true; } }
                return false;
            }
            if (k >= key.Length) { return false; }
            if (pattern[p] != "*" && !string.Equals(pattern[p], key[k], StringComparison.Ordinal)) { return false; }
            p++;
            k++;
        }
        return k == key.Length;
    }

    /// <inheritdoc />
    public bool Equals(StreamPattern? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StreamPattern);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
