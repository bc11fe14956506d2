using System.Net;
using System.Text.Json.Nodes;
using Rayswarm.Cluster.Tests;
using Xunit.Abstractions;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// Each overlay's pods run here: the migrate Job, a silo and a gateway, each the published app with exactly the rendered
/// container (args, env, secret volumes; <see cref="LocalPod"/> says what stands in for the kubelet), and one variable
/// more for the silo: KUBECONFIG, pointing at <see cref="FakeKubernetesApi"/>, where a pod would use its service account.
/// The rendered probe paths are asked on the rendered probe ports, and the gateway serves the API with the rendered
/// cluster id, secret, certificate and keys.
/// </summary>
[Collection(DeployProcesses.Name)]
public sealed class RenderedEnvironmentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Probes = ["startupProbe", "livenessProbe", "readinessProbe"];
    private readonly PostgresServer _postgres = new();
    private readonly List<AppProcess> _processes = [];

    public Task InitializeAsync() => _postgres.InitializeAsync();

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    [Trait("Category", "Slow")]
    public async Task The_rendered_job_silo_and_gateway_run_with_their_env_and_answer_the_rendered_probes(string overlay)
    {
        var manifests = await Kustomize.RenderAsync(overlay);
        var apps = await PublishedApps.GetAsync();
        var database = await _postgres.CreateDatabaseAsync();
        var overrides = new Dictionary<(string, string), string> { [("rayswarm-postgres", "connection-string")] = database };
        using var certificate = TestCertificate.Create("deploy");
        var apiKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        // What an operator creates for prod (docs/deploy.md, "Secrets"); dev generates its own.
        var userSecrets = new Dictionary<(string, string), string>
        {
            [("rayswarm-cluster", "secret")] = "rendered-env-test-secret",
            [("rayswarm-tls", "cluster.pfx")] = Convert.ToBase64String(File.ReadAllBytes(certificate.Path)),
            [("rayswarm-tls", "password")] = certificate.Password,
            [("rayswarm-api-keys", "api-keys.json")] = $$"""[{"name": "ops", "key": "{{apiKey}}", "scopes": ["admin"]}]""",
        };
        var @namespace = LocalPod.Namespace(manifests);

        var job = LocalPod.Prepare(manifests, manifests.Single("Job", "rayswarm-migrate").At("spec.template")!, "migrate", "silo", "rayswarm-migrate-x7k2p", userSecrets, overrides);
        var migrate = Start(job, apps);
        Assert.Equal(0, await migrate.WaitForExitAsync(120_000));
        Assert.Contains("schema applied", migrate.Output, StringComparison.Ordinal);

        var siloTemplate = manifests.Single("Deployment", "rayswarm-silo").At("spec.template")!;
        await using var api = await FakeKubernetesApi.StartAsync(@namespace);
        const string podName = "rayswarm-silo-6d8f9c7b5-q2w4e";
        api.AddPod(podName, siloTemplate.Entries("metadata.labels").ToDictionary(kv => kv.Key, kv => kv.Value!.ToString()));
        var siloPod = LocalPod.Prepare(manifests, siloTemplate, "silo", "silo", podName, userSecrets, overrides);
        var env = new Dictionary<string, string>(siloPod.Environment) { ["KUBECONFIG"] = api.KubeConfig };
        var silo = Start(siloPod with { Environment = env }, apps);
        await silo.WaitForLineAsync(l => l.StartsWith("silo-ready S127.0.0.1:" + siloPod.NamedPorts["silo"] + ":", StringComparison.Ordinal), "silo-ready on the rendered silo port");

        var gatewayPod = LocalPod.Prepare(manifests, manifests.Single("Deployment", "rayswarm-gateway").At("spec.template")!, "gateway", "gateway", "rayswarm-gateway-5b7c-zx9", userSecrets, overrides);
        var gateway = Start(gatewayPod, apps);
        await gateway.WaitForLineAsync(l => l.Contains($"Now listening on: http://127.0.0.1:{gatewayPod.NamedPorts["http"]}", StringComparison.Ordinal), "listening on the rendered port");

        // The API through the gateway: cluster id, cluster secret, certificate and keys all agree between the two pods.
        var key = overlay == "dev"
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(manifests.DevSecrets!, "api-keys.json")))![0]!["key"]!.GetValue<string>()
            : apiKey;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPod.NamedPorts["http"]}"), Timeout = TimeSpan.FromSeconds(30) };
        using (var anonymous = await http.GetAsync("/domains/system/overview")) { Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode); }
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        await Eventually.True(async () => (await http.GetAsync("/domains/system/health")).StatusCode == HttpStatusCode.OK, "the cluster is healthy through the gateway", 60_000);
        using (var registered = await http.PostAsync("/domains/register", new StringContent("""{"domain_id": "rendered", "port": 9000, "capabilities": ["deploy"]}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        // Every probe path on its probe port answers 200 once the silo is active (the kubelet sends no API key).
        using var kubelet = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var pod in new[] { siloPod, gatewayPod })
        {
            foreach (var probe in Probes)
            {
                var (port, path) = pod.Probe(probe);
                await Eventually.True(async () =>
                {
                    try { return (await kubelet.GetAsync($"http://127.0.0.1:{port}{path}")).StatusCode == HttpStatusCode.OK; }
                    catch (HttpRequestException) { return false; }
                }, $"{pod.PodName} {probe} GET {path} on {port} answers 200", 30_000);
            }
        }

        // The silo only called what the rendered Role grants.
        var granted = manifests.Single("Role", "rayswarm-silo").Items("rules.0.verbs").Select(v => v.ToString()).ToHashSet();
        Assert.Contains(api.Calls, c => c.Verb == "get" && c.Name == podName);
        Assert.All(api.Calls, c => Assert.True(c.Resource == "pods" && c.Namespace == @namespace && granted.Contains(c.Verb), $"not granted: {c}"));

        // SIGTERM, as Kubernetes stops a pod: the silo drains and exits 0 well within terminationGracePeriodSeconds.
        gateway.Terminate();
        Assert.Equal(0, await gateway.WaitForExitAsync());
        silo.Terminate();
        var grace = siloTemplate.At("spec.terminationGracePeriodSeconds")!.GetValue<int>();
        Assert.Equal(0, await silo.WaitForExitAsync(grace * 1000));
    }

    private AppProcess Start(LocalPod pod, PublishedApps apps)
    {
        var process = pod.Start(apps);
        _processes.Add(process);
        return process;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            output.WriteLine($"--- {process.Name} ---\n{process.Output}");
            await process.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }
}
