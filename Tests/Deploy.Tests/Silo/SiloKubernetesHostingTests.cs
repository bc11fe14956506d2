using System.Globalization;
using Npgsql;
using Orleans.Hosting.Kubernetes;
using Xunit.Abstractions;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// The published Silo with <c>--kubernetes</c>, against a stand-in API server (<see cref="FakeKubernetesApi"/>, reached
/// through KUBECONFIG) and the test PostgreSQL: which settings win, what it calls, and the stale membership row a
/// restarted pod leaves.
/// </summary>
[Collection(DeployProcesses.Name)]
public sealed class SiloKubernetesHostingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Namespace = "rayswarm-test";
    private readonly PostgresServer _postgres = new();
    private readonly List<AppProcess> _silos = [];

    public Task InitializeAsync() => _postgres.InitializeAsync();

    [Theory]
    [InlineData("ORLEANS_CLUSTER_ID", "other", "ORLEANS_CLUSTER_ID is 'other' but the cluster id (--cluster-id, Rayswarm__Cluster__ClusterId) is 'prod'")]
    [InlineData("ORLEANS_SERVICE_ID", "other", "ORLEANS_SERVICE_ID is 'other' but the cluster id (--cluster-id, Rayswarm__Cluster__ClusterId) is 'prod'")]
    [InlineData("POD_IP", "10.1.2.3", "POD_IP is '10.1.2.3' but the silo advertises 127.0.0.1 (--host)")]
    [InlineData("Rayswarm__SiloName", "silo-x", "names the silo after its pod ('rayswarm-silo-0', POD_NAME), but --name is 'silo-x'")]
    public async Task A_setting_that_contradicts_the_pod_or_the_cluster_id_stops_the_start_naming_both(string variable, string value, string message)
    {
        var (exitCode, text) = await RunToExitAsync(new Dictionary<string, string>
        {
            ["POD_NAME"] = "rayswarm-silo-0",
            ["POD_NAMESPACE"] = Namespace,
            [variable] = value,
        }, "--kubernetes", "--cluster-id", "prod");
        Assert.Equal(1, exitCode);
        Assert.Contains(message, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_pod_and_without_KUBECONFIG_the_silo_refuses_to_start()
    {
        var (exitCode, text) = await RunToExitAsync(new Dictionary<string, string> { ["HOME"] = Repository.TemporaryDirectory("home") }, "--kubernetes");
        Assert.Equal(1, exitCode);
        Assert.Contains("--kubernetes needs the Kubernetes API: run in a pod with a service account, or set KUBECONFIG.", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_silo_names_itself_after_its_pod_labels_it_and_declares_dead_at_start_the_member_whose_pod_is_gone()
    {
        var database = await _postgres.CreateDatabaseAsync();
        await using var api = await FakeKubernetesApi.StartAsync(Namespace);
        api.AddPod("rayswarm-silo-a", new Dictionary<string, string> { ["app.kubernetes.io/component"] = "silo" });
        api.AddPod("rayswarm-silo-b", new Dictionary<string, string> { ["app.kubernetes.io/component"] = "silo" });

        // ORLEANS_CLUSTER_ID and ORLEANS_SERVICE_ID equal to --cluster-id are accepted.
        var a = await StartSiloAsync(api, database, "rayswarm-silo-a");
        Assert.Equal(
            new Dictionary<string, string?> { ["app.kubernetes.io/component"] = "silo", [KubernetesHostingOptions.ClusterIdLabel] = "prod", [KubernetesHostingOptions.ServiceIdLabel] = "prod" },
            api.LabelsOf("rayswarm-silo-a"));
        Assert.Equal(3, Assert.Single(await MembersAsync(database), m => m.Name == "rayswarm-silo-a").Status); // Active
        Assert.Contains(api.Calls, c => c.Verb == "list" && c.Body!.Contains("orleans%2FserviceId%3Dprod", StringComparison.Ordinal));

        // The pod dies with its silo (kill -9) and is replaced by another: the lone dead silo's row still says Active.
        a.Kill();
        await a.WaitForExitAsync();
        api.RemovePod("rayswarm-silo-a");
        Assert.Equal(3, Assert.Single(await MembersAsync(database), m => m.Name == "rayswarm-silo-a").Status);

        // The new silo lists the pods before it joins and declares the member without a pod dead, so it need not wait
        // for the row to go stale (Orleans' own check refuses to join while an active member does not answer).
        var b = await StartSiloAsync(api, database, "rayswarm-silo-b");
        Assert.Equal(6, Assert.Single(await MembersAsync(database), m => m.Name == "rayswarm-silo-a").Status); // Dead
        Assert.Contains("does not correspond to any known pod. Marking it as dead.", b.Output, StringComparison.Ordinal);
        await Eventually.True(() => api.Calls.Any(c => c.Verb == "watch"), "the active silo watches the pods", 30_000);

        // Everything it called is what the Role grants, and it deletes no pod (DeleteDefunctSiloPods stays false).
        var granted = (await Kustomize.RenderAsync("base")).Single("Role", "rayswarm-silo").Items("rules.0.verbs").Select(v => v.ToString()).ToHashSet();
        Assert.All(api.Calls, c => Assert.True(c.Resource == "pods" && c.Namespace == Namespace && granted.Contains(c.Verb), $"not granted: {c}"));
        Assert.Equal(OrleansKubernetesCalls.Verbs.Order(), api.Calls.Select(c => c.Verb).Distinct().Order());

        b.Terminate();
        Assert.Equal(0, await b.WaitForExitAsync());
        output.WriteLine(api.ToString());
    }

    private async Task<AppProcess> StartSiloAsync(FakeKubernetesApi api, string database, string pod)
    {
        var ports = FreePorts.Loopback(2);
        var apps = await PublishedApps.GetAsync();
        var (program, arguments) = apps.CommandLine("silo", ["--kubernetes", "--postgres", database, "--cluster-id", "prod", "--secret", "kubernetes-test-secret",
            "--port", ports[0].ToString(CultureInfo.InvariantCulture), "--gateway-port", ports[1].ToString(CultureInfo.InvariantCulture), "--http-port", "0"]);
        var silo = AppProcess.Start(pod, program, arguments, new Dictionary<string, string>
        {
            ["POD_NAME"] = pod,
            ["POD_NAMESPACE"] = Namespace,
            ["POD_IP"] = "127.0.0.1",
            ["ORLEANS_CLUSTER_ID"] = "prod",
            ["ORLEANS_SERVICE_ID"] = "prod",
            ["KUBECONFIG"] = api.KubeConfig,
        }, Repository.TemporaryDirectory(pod));
        _silos.Add(silo);
        await silo.WaitForLineAsync(l => l.StartsWith("silo-ready ", StringComparison.Ordinal), "silo-ready");
        return silo;
    }

    private static async Task<(int ExitCode, string Output)> RunToExitAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var apps = await PublishedApps.GetAsync();
        var (program, args) = apps.CommandLine("silo", arguments);
        await using var silo = AppProcess.Start("silo", program, args, environment, Repository.TemporaryDirectory("silo"));
        var exitCode = await silo.WaitForExitAsync();
        return (exitCode, silo.Output);
    }

    private static async Task<List<(string Name, int Status)>> MembersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT silo_name, status FROM orleans_cluster_member", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<(string, int)>();
        while (await reader.ReadAsync()) { members.Add((reader.GetString(0), reader.GetInt32(1))); }
        return members;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            output.WriteLine($"--- {silo.Name} ---\n{silo.Output}");
            await silo.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }
}
