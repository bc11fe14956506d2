using System.Text.Json.Nodes;
using Json.Schema;

namespace Rayswarm.Deploy.Tests;

/// <summary>helm/rayswarm without helm: its values against values.schema.json (JsonSchema.Net, draft 2020-12), the
/// <c>.Values</c> paths its templates use, and its resources against the kustomize ones (<see cref="ChartTemplates"/>).</summary>
public sealed class HelmChartTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(HelmValues.Chart, "values.schema.json"));

    public static TheoryData<string?> ValuesFiles => new() { null, "dev-values.yaml", "prod-values.yaml" };

    [Theory]
    [MemberData(nameof(ValuesFiles))]
    public void Values_yaml_and_the_examples_validate_against_the_schema(string? example)
    {
        var values = HelmValues.With(example is null ? null : Path.Combine(HelmValues.Chart, "examples", example));
        var result = Schema.Evaluate(Element(values), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Theory]
    [InlineData("wrong-type.yaml", "/silo/replicas", "integer")]
    [InlineData("missing-secret.yaml", "/postgres", "existingSecret")]
    [InlineData("port-out-of-range.yaml", "/gateway/service/port", "65535")]
    public void A_bad_values_file_is_refused_naming_the_field(string file, string field, string says)
    {
        var values = HelmValues.With(Path.Combine(AppContext.BaseDirectory, "Helm", "BadValues", file));
        var result = Schema.Evaluate(Element(values), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.False(result.IsValid);
        var errors = Errors(result).ToList();
        Assert.Contains(errors, e => e.StartsWith(field + ":", StringComparison.Ordinal) && e.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_is_draft_2020_12_and_closes_every_object()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(HelmValues.Chart, "values.schema.json")))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.Text("$schema"));
        // A misspelt key is refused, not ignored.
        var values = HelmValues.Defaults();
        ((JsonObject)values["silo"]!)["replica"] = 3;
        var errors = Errors(Schema.Evaluate(Element(values), new EvaluationOptions { OutputFormat = OutputFormat.List })).ToList();
        Assert.True(errors.Any(e => e.StartsWith("/silo", StringComparison.Ordinal) && e.Contains("replica", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [Fact]
    public void Every_Values_path_the_templates_use_exists_in_values_yaml()
    {
        var values = HelmValues.Defaults();
        var files = Directory.GetFiles(Path.Combine(HelmValues.Chart, "templates"));
        var used = files.SelectMany(f => ChartTemplates.ValuesPaths(File.ReadAllText(f)).Select(p => (File: Path.GetFileName(f), Path: p))).ToList();
        Assert.True(used.Count > 40, $"only {used.Count} .Values paths found");
        var missing = used.Where(u => ((JsonNode)values).At(u.Path) is null && !IsPresentAsNull(values, u.Path)).ToList();
        Assert.True(missing.Count == 0, "not in values.yaml: " + string.Join(", ", missing.Select(m => $"{m.File}: .Values{m.Path}")));

        static bool IsPresentAsNull(JsonObject values, string path)
        {
            var parts = path.Trim('.').Split('.');
            return ((JsonNode)values).At(string.Join('.', parts[..^1])) is JsonObject parent && parent.ContainsKey(parts[^1]);
        }
    }

    [Fact]
    public void Values_yaml_documents_every_key_on_the_line_above()
    {
        var lines = File.ReadAllLines(Path.Combine(HelmValues.Chart, "values.yaml"));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith('#') || line.Trim().Length == 0 || !line.Contains(':', StringComparison.Ordinal)) { continue; }
            Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith('#'), $"values.yaml line {i + 1} ('{line.Trim()}') has no comment above it");
        }
    }

    public static TheoryData<string?, string> Scenarios => new()
    {
        { null, "base" },
        { "dev-values.yaml", "dev" },
        { "prod-values.yaml", "prod" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_chart_renders_the_kinds_and_names_of_its_kustomize_counterpart(string? example, string kustomization)
    {
        var chart = ChartTemplates.Render(HelmValues.With(example is null ? null : Path.Combine(HelmValues.Chart, "examples", example)));
        var kustomize = await Kustomize.RenderAsync(kustomization);
        // The chart names Secrets you create; the dev overlay generates them.
        var expected = kustomize.KindsAndNames().Where(k => k.Kind != "Secret").Order().ToList();
        Assert.Equal(expected, chart.Select(r => (r.Text("kind")!, r.Text("metadata.name")!)).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_chart_specs_match_the_kustomize_ones_containers_env_probes_ports_volumes_and_sizes(string? example, string kustomization)
    {
        var chart = ChartTemplates.Render(HelmValues.With(example is null ? null : Path.Combine(HelmValues.Chart, "examples", example)));
        var kustomize = await Kustomize.RenderAsync(kustomization);
        foreach (var resource in chart)
        {
            var kind = resource.Text("kind")!;
            var name = resource.Text("metadata.name")!;
            var counterpart = kustomize.Single(kind, name);
            foreach (var path in Compared(kind))
            {
                var ours = Normalize(resource.At(path));
                var theirs = Normalize(counterpart.At(path));
                Assert.True(ours == theirs, $"{kind} {name} {path} differs at {FirstDifference(JsonNode.Parse(ours), JsonNode.Parse(theirs), path)}");
            }
        }
    }

    [Fact]
    public void Notes_tell_how_to_reach_the_gateway_the_dashboard_and_MCP()
    {
        var notes = File.ReadAllText(Path.Combine(HelmValues.Chart, "templates", "NOTES.txt"));
        foreach (var text in new[] { "port-forward service/", "/domains/system/health", "/dashboard", "/mcp", "X-Api-Key" })
        {
            Assert.Contains(text, notes, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Compared(string kind) => kind switch
    {
        "Deployment" => ["spec.template.spec", "spec.strategy", "spec.template.metadata.labels.orleans/clusterId"],
        "StatefulSet" => ["spec.template.spec", "spec.volumeClaimTemplates", "spec.serviceName"],
        "Job" => ["spec.template.spec", "spec.backoffLimit", "spec.ttlSecondsAfterFinished"],
        "Service" => ["spec.ports", "spec.type", "spec.clusterIP"],
        "HorizontalPodAutoscaler" => ["spec"],
        "PodDisruptionBudget" => ["spec.maxUnavailable"],
        "Role" => ["rules"],
        "RoleBinding" => ["roleRef", "subjects.0.kind", "subjects.0.name"],
        "NetworkPolicy" => ["spec.policyTypes", "spec.ingress.0.ports", "spec.ingress.1"],
        "ConfigMap" => ["data"],
        "ServiceAccount" => [],
        _ => throw new InvalidOperationException($"no comparison for {kind}"),
    };

    /// <summary>What the two may differ in by design: the chart's security contexts and labels come from helpers the
    /// stand-in drops, it sets imagePullPolicy, and kustomize suffixes generated names with a hash.</summary>
    private static string Normalize(JsonNode? node)
    {
        if (node is null) { return "null"; }
        var copy = node.DeepClone();
        Walk(copy);
        return copy.ToJsonString();

        static void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var key in new[] { "securityContext", "imagePullPolicy", "imagePullSecrets" }) { o.Remove(key); }
                    if (o["name"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && (o.ContainsKey("key") || o.ContainsKey("items")))
                    {
                        o["name"] = RenderedManifests.BaseName(v.GetValue<string>());
                    }
                    if (o["secretName"] is JsonValue s) { o["secretName"] = RenderedManifests.BaseName(s.GetValue<string>()); }
                    foreach (var (_, child) in o.ToList()) { Walk(child); }
                    var sorted = o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())).ToList();
                    o.Clear();
                    foreach (var kv in sorted) { o.Add(kv); }
                    break;
                case JsonArray a:
                    foreach (var child in a) { Walk(child); }
                    break;
            }
        }
    }

    private static string FirstDifference(JsonNode? chart, JsonNode? kustomize, string path)
    {
        switch (chart, kustomize)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(kv => kv.Key).Union(b.Select(kv => kv.Key)))
                {
                    if (!JsonNode.DeepEquals(a[key], b[key])) { return FirstDifference(a[key], b[key], $"{path}.{key}"); }
                }
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                {
                    if (!JsonNode.DeepEquals(a[i], b[i])) { return FirstDifference(a[i], b[i], $"{path}.{i}"); }
                }
                break;
        }
        return $"{path}: chart {chart?.ToJsonString() ?? "nothing"}, kustomize {kustomize?.ToJsonString() ?? "nothing"}";
    }

    private static System.Text.Json.JsonElement Element(JsonNode values) => System.Text.Json.JsonDocument.Parse(values.ToJsonString()).RootElement;

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
}
