using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Hosting.Kubernetes;

namespace Rayswarm.Deploy.Tests;

/// <summary>deploy/kubernetes rendered by the real <c>kubectl kustomize</c> and read back: what each overlay holds, and that
/// it agrees with what the Silo and Gateway read, the Dockerfile exposes and Orleans' Kubernetes hosting calls.</summary>
public sealed class KustomizeRenderTests
{
    private static readonly string[] Workloads = ["Deployment", "StatefulSet", "Job"];

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Overlay_renders_its_silos_postgres_and_gateway_scaling(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var silo = m.Single("Deployment", "rayswarm-silo");
        Assert.All(m.Resources, r => Assert.Equal(overlay == "dev" ? "rayswarm-dev" : "rayswarm", r.Text("metadata.namespace")));
        if (overlay == "dev")
        {
            Assert.Equal(1, silo.At("spec.replicas")!.GetValue<int>());
            Assert.Equal("postgres:17", m.Single("StatefulSet", "rayswarm-postgres").Text("spec.template.spec.containers.0.image"));
            Assert.Equal("5432", m.Single("Service", "rayswarm-postgres").Text("spec.ports.0.port"));
            Assert.Empty(m.OfKind("HorizontalPodAutoscaler"));
        }
        else
        {
            Assert.Equal(3, silo.At("spec.replicas")!.GetValue<int>());
            Assert.Empty(m.OfKind("StatefulSet"));
            var hpa = m.Single("HorizontalPodAutoscaler", "rayswarm-gateway");
            Assert.Equal("Deployment/rayswarm-gateway", $"{hpa.Text("spec.scaleTargetRef.kind")}/{hpa.Text("spec.scaleTargetRef.name")}");
            Assert.Equal("cpu", hpa.Text("spec.metrics.0.resource.name"));
            Assert.Equal(2, hpa.At("spec.minReplicas")!.GetValue<int>());
            // The autoscaler owns the count: the Deployment sets none that an apply would reset.
            Assert.Null(m.Single("Deployment", "rayswarm-gateway").At("spec.replicas"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_container_has_requests_and_limits_and_silo_and_gateway_have_three_probes_on_named_ports(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        foreach (var workload in m.Resources.Where(r => Workloads.Contains(r.Text("kind"))))
        {
            foreach (var container in workload.Items("spec.template.spec.containers"))
            {
                foreach (var field in new[] { "requests.cpu", "requests.memory", "limits.cpu", "limits.memory" })
                {
                    Assert.True(container.At("resources." + field) is not null, $"{workload.Text("metadata.name")}/{container.Text("name")} has no resources.{field}");
                }
            }
        }
        foreach (var name in new[] { "rayswarm-silo", "rayswarm-gateway" })
        {
            var container = m.Single("Deployment", name).At("spec.template.spec.containers.0")!;
            var portNames = container.Items("ports").Select(p => p.Text("name")).ToHashSet();
            foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            {
                Assert.Contains(container.Text(probe + ".httpGet.port"), portNames);
            }
            Assert.Equal("/healthz", container.Text("livenessProbe.httpGet.path"));
            Assert.Equal("/readyz", container.Text("readinessProbe.httpGet.path"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Our_containers_run_as_non_root_on_a_read_only_root_filesystem_with_a_writable_tmp(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        foreach (var (kind, name) in new[] { ("Deployment", "rayswarm-silo"), ("Deployment", "rayswarm-gateway"), ("Job", "rayswarm-migrate") })
        {
            var pod = m.Single(kind, name).At("spec.template.spec")!;
            var container = pod.At("containers.0")!;
            Assert.Equal("true", pod.Text("securityContext.runAsNonRoot"));
            Assert.Equal("true", container.Text("securityContext.readOnlyRootFilesystem"));
            Assert.Equal("false", container.Text("securityContext.allowPrivilegeEscalation"));
            var tmp = container.Items("volumeMounts").Single(v => v.Text("mountPath") == "/tmp");
            Assert.NotNull(pod.Items("volumes").Single(v => v.Text("name") == tmp.Text("name")).At("emptyDir"));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Silos_use_Orleans_Kubernetes_hosting_with_the_downward_api_the_cluster_id_labels_and_time_to_drain(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var silo = m.Single("Deployment", "rayswarm-silo");
        var env = silo.Items("spec.template.spec.containers.0.env").ToDictionary(e => e.Text("name")!);
        Assert.Equal("true", env["Rayswarm__Kubernetes"].Text("value"));
        Assert.Equal("metadata.name", env[KubernetesHostingOptions.PodNameEnvironmentVariable].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("metadata.namespace", env[KubernetesHostingOptions.PodNamespaceEnvironmentVariable].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("status.podIP", env[KubernetesHostingOptions.PodIPEnvironmentVariable].Text("valueFrom.fieldRef.fieldPath"));
        Assert.Equal("status.podIP", env["Rayswarm__Endpoint__AdvertisedHost"].Text("valueFrom.fieldRef.fieldPath"));
        // The silo's name is the pod's (Orleans matches silos to pods by it); the cluster id is ours alone.
        Assert.DoesNotContain("Rayswarm__SiloName", env.Keys);
        Assert.DoesNotContain(KubernetesHostingOptions.ClusterIdEnvironmentVariable, env.Keys);
        Assert.DoesNotContain(KubernetesHostingOptions.ServiceIdEnvironmentVariable, env.Keys);

        var clusterId = m.Single("ConfigMap", "rayswarm-config").Text("data.cluster-id");
        Assert.Equal("rayswarm-config", RenderedManifests.BaseName(env["Rayswarm__Cluster__ClusterId"].Text("valueFrom.configMapKeyRef.name")!));
        Assert.Equal(clusterId, silo.Text("spec.template.metadata.labels." + KubernetesHostingOptions.ClusterIdLabel));
        Assert.Equal(clusterId, silo.Text("spec.template.metadata.labels." + KubernetesHostingOptions.ServiceIdLabel));

        // SIGTERM drains the silo within the host's 30 s shutdown timeout; Kubernetes must not kill it before.
        Assert.True(silo.At("spec.template.spec.terminationGracePeriodSeconds")!.GetValue<int>() >= 45);
        Assert.Equal("0", silo.Text("spec.strategy.rollingUpdate.maxUnavailable"));
        var pdb = m.Single("PodDisruptionBudget", "rayswarm-silo");
        Assert.Equal("1", pdb.Text("spec.maxUnavailable"));
        Assert.Equal(silo.At("spec.selector.matchLabels")!.ToJsonString(), pdb.At("spec.selector.matchLabels")!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_env_name_is_one_the_silo_or_gateway_reads(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        foreach (var (kind, name, target) in new[] { ("Deployment", "rayswarm-silo", "silo"), ("Deployment", "rayswarm-gateway", "gateway"), ("Job", "rayswarm-migrate", "silo") })
        {
            var names = m.Single(kind, name).Items("spec.template.spec.containers.0.env").Select(e => e.Text("name")!);
            var unread = names.Where(n => !ConfigurationKeys.Of(target).Contains(n)).ToList();
            Assert.True(unread.Count == 0, $"{name}: {string.Join(", ", unread)} is read by no code of the {target}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Container_ports_are_the_ports_the_env_sets_and_the_image_exposes(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var silo = m.Single("Deployment", "rayswarm-silo").At("spec.template.spec.containers.0")!;
        var siloPorts = Ports(silo);
        var siloEnv = Env(silo);
        Assert.Equal(siloEnv["Rayswarm__Endpoint__Port"], siloPorts["silo"]);
        Assert.Equal(siloEnv["Rayswarm__Endpoint__GatewayPort"], siloPorts["gateway"]);
        Assert.Equal(siloEnv["Rayswarm__Http__Port"], siloPorts["http"]);
        Assert.Equal(Dockerfile.Repository.Exposed("silo").Order(), siloPorts.Values.Select(int.Parse).Order());

        var gateway = m.Single("Deployment", "rayswarm-gateway").At("spec.template.spec.containers.0")!;
        var gatewayPorts = Ports(gateway);
        Assert.Equal(["--urls", $"http://+:{gatewayPorts["http"]}"], gateway.Items("args").Select(a => a.ToString()));
        Assert.Equal(Dockerfile.Repository.Exposed("gateway").Order(), gatewayPorts.Values.Select(int.Parse).Order());
        Assert.Equal("http", m.Single("Service", "rayswarm-gateway").Text("spec.ports.0.targetPort"));

        foreach (var (pod, ports) in new[] { (m.Single("Deployment", "rayswarm-silo"), siloPorts), (m.Single("Deployment", "rayswarm-gateway"), gatewayPorts) })
        {
            Assert.Equal(ports["http"], pod.At("spec.template.metadata.annotations")!["prometheus.io/port"]!.ToString());
        }

        static Dictionary<string, string> Ports(JsonNode container) =>
            container.Items("ports").ToDictionary(p => p.Text("name")!, p => p.Text("containerPort")!);
        static Dictionary<string, string?> Env(JsonNode container) =>
            container.Items("env").Where(e => e.At("value") is not null).ToDictionary(e => e.Text("name")!, e => e.Text("value"));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Every_secret_and_config_map_key_referenced_exists_in_the_overlay_or_is_documented_as_user_provided(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var documented = Overlays.DocumentedUserSecrets();
        var references = new List<(string Kind, string Name, string Key, string Where)>();
        foreach (var workload in m.Resources.Where(r => Workloads.Contains(r.Text("kind"))))
        {
            var spec = workload.At("spec.template.spec");
            var where = workload.Text("metadata.name")!;
            foreach (var env in spec.Items("containers").SelectMany(c => c.Items("env")))
            {
                if (env.At("valueFrom.secretKeyRef") is { } s) { references.Add(("Secret", s.Text("name")!, s.Text("key")!, where)); }
                if (env.At("valueFrom.configMapKeyRef") is { } c) { references.Add(("ConfigMap", c.Text("name")!, c.Text("key")!, where)); }
            }
            Assert.Empty(spec.Items("containers").SelectMany(c => c.Items("envFrom")));
            foreach (var volume in spec.Items("volumes").Where(v => v.At("secret") is not null))
            {
                references.AddRange(volume.Items("secret.items").Select(i => ("Secret", volume.Text("secret.secretName")!, i.Text("key")!, where)));
            }
        }
        Assert.NotEmpty(references);
        foreach (var (kind, name, key, where) in references)
        {
            if (m.Resources.FirstOrDefault(r => r.Text("kind") == kind && r.Text("metadata.name") == name) is { } generated)
            {
                Assert.True(generated["data"]?[key] is not null, $"{where}: {kind} {name} has no key {key}");
            }
            else
            {
                Assert.True(kind == "Secret" && documented.Contains((name, key)),
                    $"{where}: {kind} {name} key {key} is neither generated by the {overlay} overlay nor listed as user-provided in docs/deploy.md");
            }
        }
        if (overlay == "dev") { Assert.All(references, r => Assert.NotEqual(r.Name, RenderedManifests.BaseName(r.Name))); }
    }

    [Fact]
    public async Task The_role_grants_exactly_the_pod_verbs_Orleans_Kubernetes_hosting_calls_to_the_silos_only()
    {
        var m = await Kustomize.RenderAsync("base");
        var role = m.Single("Role", "rayswarm-silo");
        var rule = Assert.Single(role.Items("rules"));
        Assert.Equal([""], rule.Items("apiGroups").Select(g => g.ToString()));
        Assert.Equal(["pods"], rule.Items("resources").Select(g => g.ToString()));
        Assert.Equal(OrleansKubernetesCalls.Verbs.Order(), rule.Items("verbs").Select(v => v.ToString()).Order());
        // delete only with DeleteDefunctSiloPods, which stays at Orleans' default.
        Assert.False(new KubernetesHostingOptions().DeleteDefunctSiloPods);

        var binding = m.Single("RoleBinding", "rayswarm-silo");
        Assert.Equal("Role/rayswarm-silo", $"{binding.Text("roleRef.kind")}/{binding.Text("roleRef.name")}");
        Assert.Equal("ServiceAccount/rayswarm-silo", $"{binding.Text("subjects.0.kind")}/{binding.Text("subjects.0.name")}");
        Assert.Equal("rayswarm-silo", m.Single("Deployment", "rayswarm-silo").Text("spec.template.spec.serviceAccountName"));
        Assert.Equal("false", m.Single("Deployment", "rayswarm-gateway").Text("spec.template.spec.automountServiceAccountToken"));
        Assert.Equal("false", m.Single("Job", "rayswarm-migrate").Text("spec.template.spec.automountServiceAccountToken"));

        // The comment above the rules lists each call and where it comes from.
        var source = Repository.Read("deploy", "kubernetes", "base", "role.yaml");
        foreach (var (verb, call) in OrleansKubernetesCalls.Calls) { Assert.Matches($@"#\s+{verb}\s+{call}", source); }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task Only_silos_and_gateways_reach_the_silo_ports(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var policy = m.Single("NetworkPolicy", "rayswarm-silo");
        var silo = m.Single("Deployment", "rayswarm-silo");
        var gateway = m.Single("Deployment", "rayswarm-gateway");
        Assert.Equal(silo.At("spec.selector.matchLabels")!.ToJsonString(), policy.At("spec.podSelector.matchLabels")!.ToJsonString());
        Assert.Equal(["Ingress"], policy.Items("spec.policyTypes").Select(p => p.ToString()));
        var rules = policy.Items("spec.ingress").ToList();
        var internalRule = rules.Single(r => r.At("from") is not null);
        Assert.Equal(
            new[] { silo, gateway }.Select(d => d.At("spec.selector.matchLabels")!.ToJsonString()).Order(),
            internalRule.Items("from").Select(f => f.At("podSelector.matchLabels")!.ToJsonString()).Order());
        Assert.Equal(["gateway", "silo"], internalRule.Items("ports").Select(p => p.Text("port")!).Order());
        // The one rule without "from" opens the HTTP port only (probes, metrics), never a silo port.
        Assert.Equal(["http"], rules.Single(r => r.At("from") is null).Items("ports").Select(p => p.Text("port")!));
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public async Task The_migrate_job_runs_the_silo_image_with_migrate_and_the_postgres_connection(string overlay)
    {
        var m = await Kustomize.RenderAsync(overlay);
        var job = m.Single("Job", "rayswarm-migrate").At("spec.template.spec.containers.0")!;
        var silo = m.Single("Deployment", "rayswarm-silo").At("spec.template.spec.containers.0")!;
        Assert.Equal(silo.Text("image"), job.Text("image"));
        Assert.Equal(["--migrate"], job.Items("args").Select(a => a.ToString()));
        string Postgres(JsonNode container) => container.Items("env").Single(e => e.Text("name") == "Rayswarm__Postgres").At("valueFrom")!.ToJsonString();
        Assert.Equal(Postgres(silo), Postgres(job));
        Assert.True(int.Parse(m.Single("Job", "rayswarm-migrate").Text("spec.backoffLimit")!, CultureInfo.InvariantCulture) > 0);
    }
}
