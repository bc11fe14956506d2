using System.Text;
using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>A .dockerignore read as Docker's builder reads it: one pattern a line (<c>#</c> comments), <c>*</c> and
/// <c>?</c> within a path segment, <c>**</c> across segments, a pattern that matches a folder excludes what is in it, and
/// the last matching pattern decides (<c>!</c> takes a path back in).</summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules = [];

    public DockerIgnore(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) { continue; }
            var include = line.StartsWith('!');
            var pattern = (include ? line[1..] : line).Trim().Trim('/');
            _rules.Add((new Regex("^" + ToRegex(pattern) + "$"), include));
        }
    }

    /// <summary>Whether <paramref name="path"/> (relative to the context, '/'-separated) is sent to the builder.</summary>
    public bool IsIncluded(string path)
    {
        var parents = Parents(path).ToList();
        var excluded = false;
        foreach (var (pattern, include) in _rules)
        {
            if (parents.Any(pattern.IsMatch)) { excluded = !include; }
        }
        return !excluded;
    }

    private static IEnumerable<string> Parents(string path)
    {
        var parts = path.Split('/');
        for (var i = 1; i <= parts.Length; i++) { yield return string.Join('/', parts[..i]); }
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') { regex.Append("[^/]*"); }
            else if (c == '?') { regex.Append("[^/]"); }
            else { regex.Append(Regex.Escape(c.ToString())); }
        }
        return regex.ToString();
    }
}
