namespace Rayswarm.Deploy.Tests;

/// <summary>
/// What Microsoft.Orleans.Hosting.Kubernetes 10.4.2 calls on the Kubernetes API, read in its source
/// (src/Orleans.Hosting.Kubernetes/KubernetesClusterAgent.cs of dotnet/orleans), with the RBAC verb each needs. All on
/// pods of the silo's namespace. DeleteNamespacedPodAsync (verb delete) is left out: Orleans calls it only when
/// KubernetesHostingOptions.DeleteDefunctSiloPods is true, and we keep its default, false.
/// </summary>
public static class OrleansKubernetesCalls
{
    public static readonly IReadOnlyList<(string Verb, string Call)> Calls =
    [
        ("get", "ReadNamespacedPodAsync"),
        ("patch", "PatchNamespacedPodAsync"),
        ("list", "ListNamespacedPodAsync"),
        ("watch", "WatchListNamespacedPodAsync"),
    ];

    public static IEnumerable<string> Verbs => Calls.Select(c => c.Verb);
}
