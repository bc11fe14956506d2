using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>One kustomization rendered by <c>kubectl kustomize</c>, parsed.</summary>
public sealed partial class RenderedManifests(string name, string yaml, IReadOnlyList<JsonObject> resources, string? devSecrets)
{
    public string Name => name;

    public string Yaml => yaml;

    public IReadOnlyList<JsonObject> Resources => resources;

    /// <summary>The folder make-dev-secrets.sh wrote the dev overlay's secrets to (null for others).</summary>
    public string? DevSecrets => devSecrets;

    public IEnumerable<JsonObject> OfKind(string kind) => resources.Where(r => r.Text("kind") == kind);

    /// <summary>The resource of <paramref name="kind"/> named <paramref name="baseName"/> (generated ConfigMaps and Secrets
    /// by their name before the hash suffix).</summary>
    public JsonObject Single(string kind, string baseName) =>
        Find(kind, baseName) ?? throw new InvalidOperationException($"{name}: no {kind} {baseName}");

    public JsonObject? Find(string kind, string baseName) => OfKind(kind).SingleOrDefault(r => BaseName(r) == baseName);

    /// <summary>The name without kustomize's hash suffix (ConfigMaps and Secrets from generators).</summary>
    public static string BaseName(JsonObject resource)
    {
        var n = resource.Text("metadata.name") ?? "";
        return resource.Text("kind") is "ConfigMap" or "Secret" ? HashSuffix().Replace(n, "") : n;
    }

    public static string BaseName(string renderedName) => HashSuffix().Replace(renderedName, "");

    /// <summary>(kind, name) of every resource.</summary>
    public ISet<(string Kind, string Name)> KindsAndNames() =>
        resources.Select(r => (r.Text("kind")!, BaseName(r))).ToHashSet();

    [GeneratedRegex("-[a-z0-9]{10}$")]
    private static partial Regex HashSuffix();
}
