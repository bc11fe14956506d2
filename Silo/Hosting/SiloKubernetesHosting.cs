using System.Net;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Rayswarm.Silo;

/// <summary>
/// <c>--kubernetes</c> (<c>Rayswarm:Kubernetes=true</c>): Orleans' Kubernetes hosting. The silo labels its pod with the
/// cluster and service id, and watches the cluster's pods: a silo whose pod is deleted is declared dead at once instead of
/// after missed probes, and at start a membership row whose pod no longer exists is declared dead (the stale rows a pod
/// restart leaves). Orleans reads <c>POD_NAME</c>, <c>POD_NAMESPACE</c> and <c>POD_IP</c> (downward API) and would take
/// <c>ORLEANS_CLUSTER_ID</c>/<c>ORLEANS_SERVICE_ID</c>; our settings stay the one source, so every conflict stops the start:
/// <list type="bullet">
/// <item>the cluster id is <c>--cluster-id</c> (also the service id, and what the gateway uses); <c>ORLEANS_CLUSTER_ID</c> and
/// <c>ORLEANS_SERVICE_ID</c> may be set only to the same value;</item>
/// <item>the silo's name is the pod's name (Orleans matches silos to pods by it, and declares dead a silo whose name is no
/// pod), so <c>--name</c> may only repeat <c>POD_NAME</c>;</item>
/// <item>the advertised address is <c>--host</c> (feed it from <c>status.podIP</c>); <c>POD_IP</c> may only repeat it.</item>
/// </list>
/// The API server is the pod's own (service account) in a pod, else the one of <c>KUBECONFIG</c> or <c>~/.kube/config</c>.
/// </summary>
internal static class SiloKubernetesHosting
{
    public static bool IsAsked(IConfiguration configuration) =>
        string.Equals(configuration["Rayswarm:Kubernetes"], "true", StringComparison.OrdinalIgnoreCase);

    public static void Apply(ISiloBuilder silo, IConfiguration configuration, string clusterId, SiloEndpoint endpoint)
    {
        if (!IsAsked(configuration)) { return; }
        RequireSame(KubernetesHostingOptions.ClusterIdEnvironmentVariable, clusterId);
        RequireSame(KubernetesHostingOptions.ServiceIdEnvironmentVariable, clusterId);
        var podName = Variable(KubernetesHostingOptions.PodNameEnvironmentVariable) ?? Environment.MachineName;
        if (configuration["Rayswarm:SiloName"] is { Length: > 0 } name && name != podName)
        {
            throw new InvalidOperationException(
                $"--kubernetes names the silo after its pod ('{podName}', POD_NAME), but --name is '{name}': drop --name.");
        }
        if (Variable(KubernetesHostingOptions.PodIPEnvironmentVariable) is { } podIp
            && !(IPAddress.TryParse(podIp, out var ip) && ip.Equals(endpoint.Advertised)))
        {
            throw new InvalidOperationException(
                $"POD_IP is '{podIp}' but the silo advertises {endpoint.Advertised} (--host): give --host the pod IP too "
                + "(Rayswarm__Endpoint__AdvertisedHost from the downward API's status.podIP).");
        }
        if (!KubernetesClientConfiguration.IsInCluster() && !HasKubeConfig())
        {
            throw new InvalidOperationException(
                "--kubernetes needs the Kubernetes API: run in a pod with a service account, or set KUBECONFIG.");
        }

        silo.UseKubernetesHosting(options => options.Configure(o => o.GetClientConfiguration = ClientConfiguration));
        // Orleans' hosting listens on every address; a loopback silo (a test, a port-forwarded one) keeps to loopback.
        if (IPAddress.IsLoopback(endpoint.Advertised))
        {
            silo.Services.PostConfigure<EndpointOptions>(o =>
            {
                o.SiloListeningEndpoint = new IPEndPoint(endpoint.Advertised, endpoint.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(endpoint.Advertised, endpoint.GatewayPort);
            });
        }
    }

    private static KubernetesClientConfiguration ClientConfiguration() =>
        KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildDefaultConfig();

    private static bool HasKubeConfig() =>
        Variable("KUBECONFIG") is { } path ? File.Exists(path) : File.Exists(KubernetesClientConfiguration.KubeConfigDefaultLocation);

    private static void RequireSame(string variable, string clusterId)
    {
        if (Variable(variable) is { } value && value != clusterId)
        {
            throw new InvalidOperationException(
                $"{variable} is '{value}' but the cluster id (--cluster-id, Rayswarm__Cluster__ClusterId) is '{clusterId}': "
                + $"the cluster id is the service id too and the gateway finds the silos by it; set {variable} to the same value or remove it.");
        }
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
