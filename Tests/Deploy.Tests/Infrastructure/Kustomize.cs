using System.Collections.Concurrent;
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

/// <summary>
/// Renders deploy/kubernetes with the real <c>kubectl kustomize</c>, once per test run and kustomization. The tree is copied
/// to a temporary folder first, where deploy/make-dev-secrets.sh writes the dev overlay's development-only secrets (they
/// are git-ignored, so a checkout has none).
/// </summary>
public static class Kustomize
{
    private static readonly Lazy<string> s_tree = new(CopyTree);
    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedManifests>>> s_rendered = new();

    /// <summary><paramref name="kustomization"/>: "base", "dev" or "prod".</summary>
    public static Task<RenderedManifests> RenderAsync(string kustomization) =>
        s_rendered.GetOrAdd(kustomization, k => new Lazy<Task<RenderedManifests>>(() => RenderNowAsync(k))).Value;

    private static async Task<RenderedManifests> RenderNowAsync(string kustomization)
    {
        var tree = s_tree.Value;
        var directory = kustomization == "base" ? Path.Combine(tree, "kubernetes", "base") : Path.Combine(tree, "kubernetes", "overlays", kustomization);
        string? secrets = null;
        if (kustomization == "dev")
        {
            secrets = Path.Combine(directory, "secrets");
            if (!Directory.Exists(secrets))
            {
                await Command.RunCheckedAsync("bash", [Path.Combine(tree, "make-dev-secrets.sh"), secrets, "rayswarm-postgres"]);
            }
        }
        var result = await Command.RunCheckedAsync("kubectl", ["kustomize", directory]);
        var resources = Tests.Yaml.LoadAll(result.StandardOutput).OfType<JsonObject>().ToList();
        return new RenderedManifests(kustomization, result.StandardOutput, resources, secrets);
    }

    private static string CopyTree()
    {
        var target = Repository.TemporaryDirectory("kustomize");
        Copy(Repository.PathOf("deploy", "kubernetes"), Path.Combine(target, "kubernetes"));
        File.Copy(Repository.PathOf("deploy", "make-dev-secrets.sh"), Path.Combine(target, "make-dev-secrets.sh"));
        return target;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) { File.Copy(file, Path.Combine(to, Path.GetFileName(file))); }
        foreach (var dir in Directory.GetDirectories(from))
        {
            // A developer's own generated secrets stay out: the tests make their own.
            if (Path.GetFileName(dir) == "secrets") { continue; }
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
