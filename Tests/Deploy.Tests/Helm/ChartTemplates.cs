using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// A stand-in for <c>helm template</c> (there is no helm here), for the few template forms our chart uses, so the chart can
/// be compared with the kustomize output: <c>if</c>/<c>if not</c>/<c>with</c> … <c>end</c> on <c>.Values</c> paths,
/// <c>.Values</c> paths with <c>quote</c>, the fullname (the release "rayswarm"), and <c>toYaml .Values…</c> blocks.
/// Lines that only include a named template (labels, security contexts) are dropped; anything else it does not know
/// fails the test, so a new template form must be taught here or checked another way. It is not Helm: Go template
/// semantics beyond these forms are checked by nothing on this machine (docs/deploy.md).
/// </summary>
public static partial class ChartTemplates
{
    public const string Release = "rayswarm";

    public sealed record Template(string File, string Text);

    public static IReadOnlyList<Template> All() =>
        [.. Directory.GetFiles(Path.Combine(HelmValues.Chart, "templates"), "*.yaml").Order().Select(f => new Template(Path.GetFileName(f), File.ReadAllText(f)))];

    /// <summary>The resources the chart renders with <paramref name="values"/>.</summary>
    public static IReadOnlyList<JsonObject> Render(JsonObject values) =>
        [.. All().SelectMany(t => Yaml.LoadAll(RenderText(t, values))).OfType<JsonObject>()];

    public static string RenderText(Template template, JsonObject values)
    {
        var output = new StringBuilder();
        var open = new Stack<bool>();
        var lineNumber = 0;
        foreach (var line in template.Text.Split('\n'))
        {
            lineNumber++;
            var where = $"{template.File}:{lineNumber}";
            var trimmed = line.Trim();
            if (WholeAction().Match(trimmed) is { Success: true } whole)
            {
                var action = whole.Groups["action"].Value.Trim();
                if (action.StartsWith("if ", StringComparison.Ordinal) || action.StartsWith("with ", StringComparison.Ordinal))
                {
                    var condition = action[(action.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
                    var negate = condition.StartsWith("not ", StringComparison.Ordinal);
                    var value = HelmValues.IsTrue(Lookup(values, negate ? condition[4..].Trim() : condition, where));
                    open.Push((open.Count == 0 || open.Peek()) && value != negate);
                    continue;
                }
                if (action == "end")
                {
                    if (open.Count == 0) { throw new InvalidOperationException($"{where}: end without if/with"); }
                    open.Pop();
                    continue;
                }
                if (open.Count > 0 && !open.Peek()) { continue; }
                if (action.StartsWith("toYaml .Values.", StringComparison.Ordinal) && NindentPipe().Match(action) is { Success: true } toYaml)
                {
                    var indent = int.Parse(toYaml.Groups["indent"].Value, CultureInfo.InvariantCulture);
                    WriteYaml(output, Lookup(values, toYaml.Groups["path"].Value, where), indent);
                    continue;
                }
                if (action.StartsWith("include \"rayswarm.", StringComparison.Ordinal) || action.StartsWith("toYaml .", StringComparison.Ordinal))
                {
                    continue; // labels and security contexts from _helpers.tpl; the contents of a "with"
                }
                throw new InvalidOperationException($"{where}: the stand-in does not know '{action}'");
            }
            if (open.Count > 0 && !open.Peek()) { continue; }
            output.Append(InlineAction().Replace(line, m => Inline(values, m.Groups["action"].Value.Trim(), where))).Append('\n');
        }
        if (open.Count != 0) { throw new InvalidOperationException($"{template.File}: {open.Count} if/with without end"); }
        return output.ToString();
    }

    private static string Inline(JsonObject values, string action, string where)
    {
        var pipeline = action.Split('|', StringSplitOptions.TrimEntries);
        var value = pipeline[0] switch
        {
            "include \"rayswarm.fullname\" ." => Release,
            ".Release.Name" => Release,
            ".Release.Namespace" => Release,
            var p when p.StartsWith("include (print $.Template.BasePath", StringComparison.Ordinal) => "checksum",
            var p when p.StartsWith(".Values.", StringComparison.Ordinal) => Scalar(Lookup(values, p, where), where),
            var p => throw new InvalidOperationException($"{where}: the stand-in does not know '{p}'"),
        };
        foreach (var filter in pipeline.Skip(1))
        {
            value = filter switch
            {
                "quote" => $"\"{value}\"",
                "sha256sum" => value,
                _ => throw new InvalidOperationException($"{where}: the stand-in does not know the filter '{filter}'"),
            };
        }
        return value;
    }

    /// <summary>The value at a <c>.Values.a.b</c> path (null when missing).</summary>
    public static JsonNode? Lookup(JsonObject values, string path, string where)
    {
        if (!path.StartsWith(".Values.", StringComparison.Ordinal)) { throw new InvalidOperationException($"{where}: not a .Values path: {path}"); }
        return ((JsonNode)values).At(path[".Values.".Length..]);
    }

    private static string Scalar(JsonNode? node, string where) => node switch
    {
        JsonValue v => v.ToString(),
        _ => throw new InvalidOperationException($"{where}: not a scalar value"),
    };

    private static void WriteYaml(StringBuilder output, JsonNode? node, int indent)
    {
        foreach (var (key, value) in node.Entries(""))
        {
            output.Append(' ', indent).Append(key).Append(':');
            if (value is JsonObject)
            {
                output.Append('\n');
                WriteYaml(output, value, indent + 2);
            }
            else
            {
                output.Append(' ').Append(value?.ToJsonString() ?? "null").Append('\n');
            }
        }
    }

    [GeneratedRegex(@"^\{\{-?(?<action>.*?)-?\}\}$")]
    private static partial Regex WholeAction();

    [GeneratedRegex(@"\{\{-?(?<action>.*?)-?\}\}")]
    private static partial Regex InlineAction();

    [GeneratedRegex(@"^toYaml (?<path>\.Values(\.[A-Za-z0-9_]+)+) \| nindent (?<indent>[0-9]+)$")]
    private static partial Regex NindentPipe();

    /// <summary>Every <c>.Values.a.b</c> path a template or NOTES.txt names.</summary>
    public static IEnumerable<string> ValuesPaths(string text) => ValuesPath().Matches(text).Select(m => m.Groups["path"].Value);

    [GeneratedRegex(@"(?<![A-Za-z0-9_)])\$?\.Values(?<path>(\.[A-Za-z0-9_]+)+)")]
    private static partial Regex ValuesPath();
}
