using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Rayswarm.Deploy.Tests;

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
