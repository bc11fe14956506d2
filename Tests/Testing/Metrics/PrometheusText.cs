using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rayswarm.Testing;

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats): every
/// line is a <c># HELP</c>, a <c># TYPE</c>, another comment or a sample; names and labels follow the format's grammar; a family
/// is typed at most once and before its samples; counters end in <c>_total</c>, histograms have <c>_bucket</c> (with
/// <c>le</c>), <c>_sum</c> and <c>_count</c>, with cumulative buckets ending at <c>+Inf</c> equal to the count; the text ends
/// with a newline. Anything else throws <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class PrometheusText
{
    private static readonly HashSet<string> s_types = ["counter", "gauge", "histogram", "summary", "untyped"];

    /// <summary>The samples of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && !text.EndsWith('\n')) { throw new FormatException("The exposition does not end with a newline."); }
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helped = new HashSet<string>(StringComparer.Ordinal);
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var at = $"line {i + 1} '{line}'";
            if (line.Length == 0) { continue; }
            if (line.StartsWith('#'))
            {
                if (TypeLine().Match(line) is { Success: true } type)
                {
                    var family = type.Groups[1].Value;
                    if (!s_types.Contains(type.Groups[2].Value)) { throw new FormatException($"{at}: unknown type."); }
                    if (sampled.Contains(family)) { throw new FormatException($"{at}: TYPE after the family's samples."); }
                    if (!types.TryAdd(family, type.Groups[2].Value)) { throw new FormatException($"{at}: a second TYPE for {family}."); }
                }
                else if (HelpLine().Match(line) is { Success: true } help)
                {
                    if (!helped.Add(help.Groups[1].Value)) { throw new FormatException($"{at}: a second HELP for {help.Groups[1].Value}."); }
                }
                else if (line.StartsWith("# HELP", StringComparison.Ordinal) || line.StartsWith("# TYPE", StringComparison.Ordinal))
                {
                    throw new FormatException($"{at}: malformed HELP or TYPE.");
                }
                continue;
            }
            var sample = ParseSample(line, at);
            var (familyName, familyType) = FamilyOf(sample.Name, types);
            if (familyType is null) { throw new FormatException($"{at}: no TYPE line for {sample.Name}."); }
            CheckSuffix(sample, familyType, at);
            sampled.Add(familyName);
            samples.Add(sample);
        }
        CheckHistograms(samples, types);
        return samples;
    }

    /// <summary>The sum of the samples named <paramref name="name"/> that carry every label in <paramref name="labels"/>
    /// (0 when there is none: a counter never incremented is not exported).</summary>
    public static double Sum(IReadOnlyList<PrometheusSample> samples, string name, params (string Name, string Value)[] labels)
    {
        var wanted = labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);
        return samples.Where(s => s.Name == name && s.Has(wanted)).Sum(s => s.Value);
    }

    private static PrometheusSample ParseSample(string line, string at)
    {
        var name = MetricName().Match(line);
        if (!name.Success) { throw new FormatException($"{at}: no metric name."); }
        var position = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var label = LabelName().Match(line, position);
                if (!label.Success || label.Index != position) { throw new FormatException($"{at}: bad label name at {position}."); }
                position += label.Length;
                if (line[position] != '=' || line[position + 1] != '"') { throw new FormatException($"{at}: expected =\" at {position}."); }
                position += 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        value.Append(line[position + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"{at}: bad escape at {position}."),
                        });
                        position += 2;
                        continue;
                    }
                    value.Append(line[position++]);
                }
                position++;
                if (!labels.TryAdd(label.Value, value.ToString())) { throw new FormatException($"{at}: label {label.Value} twice."); }
                if (line[position] == ',') { position++; }
                else if (line[position] != '}') { throw new FormatException($"{at}: expected , or }} at {position}."); }
            }
            position++;
        }
        var rest = line[position..];
        if (!rest.StartsWith(' ')) { throw new FormatException($"{at}: no space before the value."); }
        var parts = rest[1..].Split(' ');
        if (parts.Length is < 1 or > 2 || (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"{at}: expected a value and an optional integer timestamp.");
        }
        return new PrometheusSample(name.Value, labels, ParseValue(parts[0], at));
    }

    private static double ParseValue(string text, string at) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"{at}: '{text}' is not a number."),
    };

    private static (string Family, string? Type) FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.TryGetValue(name, out var exact)) { return (name, exact); }
        foreach (var suffix in new[] { "_total", "_bucket", "_sum", "_count", "_created" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type))
            {
                return (name[..^suffix.Length], type);
            }
        }
        return (name, null);
    }

    private static void CheckSuffix(PrometheusSample sample, string type, string at)
    {
        var ok = type switch
        {
            "counter" => sample.Name.EndsWith("_total", StringComparison.Ordinal) || sample.Name.EndsWith("_created", StringComparison.Ordinal),
            "histogram" => (sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && sample.Labels.ContainsKey("le"))
                || sample.Name.EndsWith("_sum", StringComparison.Ordinal) || sample.Name.EndsWith("_count", StringComparison.Ordinal),
            _ => true,
        };
        if (!ok) { throw new FormatException($"{at}: not a valid sample of a {type}."); }
        if (type == "counter" && (sample.Value < 0 || double.IsNaN(sample.Value))) { throw new FormatException($"{at}: a counter below zero."); }
    }

    /// <summary>Each histogram series: buckets cumulative in increasing <c>le</c>, the last <c>+Inf</c>, equal to its count.</summary>
    private static void CheckHistograms(IReadOnlyList<PrometheusSample> samples, Dictionary<string, string> types)
    {
        foreach (var family in types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")));
            foreach (var buckets in series)
            {
                var ordered = buckets.ToList();
                var bounds = ordered.Select(b => ParseValue(b.Labels["le"], $"{family} le")).ToList();
                if (!double.IsPositiveInfinity(bounds[^1])) { throw new FormatException($"{family}{{{buckets.Key}}}: the last bucket is not +Inf."); }
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (bounds[i] <= bounds[i - 1] || ordered[i].Value < ordered[i - 1].Value)
                    {
                        throw new FormatException($"{family}{{{buckets.Key}}}: buckets not increasing and cumulative at le={bounds[i]}.");
                    }
                }
                var labels = ordered[^1].Labels.Where(l => l.Key != "le").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
                var count = samples.Single(s => s.Name == family + "_count" && s.Labels.Count == labels.Count && s.Has(labels));
                if (count.Value != ordered[^1].Value) { throw new FormatException($"{family}{{{buckets.Key}}}: +Inf bucket {ordered[^1].Value} != count {count.Value}."); }
            }
        }
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (\S+)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*)( .*)?$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
