using System.Text.RegularExpressions;
using Orleans.Hosting.Kubernetes;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// The environment variables each executable really reads, from its source: every <c>"Rayswarm:…"</c> configuration key
/// literal in the folders it is built from (as <c>Rayswarm__…</c>), plus what the frameworks under it read from the
/// environment: Orleans' Kubernetes hosting (its own constants) for the silo. Not ASPNETCORE_URLS: the manifests say where
/// the gateway listens with <c>--urls</c>, one place to read.
/// </summary>
public static partial class ConfigurationKeys
{
    public static readonly IReadOnlySet<string> Silo = Read(["Silo", "Grains", "Grains.Providers"],
        KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable, KubernetesHostingOptions.ClusterIdEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable);

    public static readonly IReadOnlySet<string> Gateway = Read(["Gateway", "Grains", "Grains.Providers"]);

    /// <summary>What <paramref name="target"/> (a Dockerfile stage: silo or gateway) reads.</summary>
    public static IReadOnlySet<string> Of(string target) => target == "silo" ? Silo : Gateway;

    private static HashSet<string> Read(string[] folders, params string[] framework)
    {
        var keys = new HashSet<string>(framework, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Repository.PathOf(folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                foreach (Match m in KeyLiteral().Matches(File.ReadAllText(file))) { keys.Add(m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)); }
            }
        }
        return keys;
    }

    [GeneratedRegex(@"""(Rayswarm(:[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyLiteral();
}
