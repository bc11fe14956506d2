using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// One container of a rendered pod template, prepared to run here as the kubelet would run it, with what a machine
/// without Kubernetes must stand in for, and nothing else changed:
/// <list type="bullet">
/// <item>the downward API: <c>metadata.name</c> is <see cref="PodName"/>, <c>metadata.namespace</c> the namespace,
/// <c>status.podIP</c> 127.0.0.1;</item>
/// <item>every container port is a free loopback port chosen now; an environment value equal to a container port, and the
/// port of a wildcard URL (the gateway's <c>--urls http://+:8080</c>), in env values and args, become that port (and the
/// host 127.0.0.1);</item>
/// <item>Secret and ConfigMap keys come from the rendered manifests, else from <c>userSecrets</c> (what an operator
/// creates); <c>overrides</c> replace single keys (the PostgreSQL connection of the test set-up);</item>
/// <item>secret volumes are written to a folder per volume, and values that name a file under a mount path name it there.</item>
/// </list>
/// The image's own ENV (deploy/docker/Dockerfile) comes first, as in a container; the manifest's env wins over it.
/// </summary>
public sealed partial record LocalPod
{
    public required string PodName { get; init; }

    public required string Target { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Container port → the loopback port that stands for it.</summary>
    public required IReadOnlyDictionary<int, int> Ports { get; init; }

    /// <summary>Port name → the loopback port.</summary>
    public required IReadOnlyDictionary<string, int> NamedPorts { get; init; }

    public required string WorkingDirectory { get; init; }

    public required JsonNode Container { get; init; }

    /// <summary>The loopback port and path of a probe (startupProbe, livenessProbe, readinessProbe).</summary>
    public (int Port, string Path) Probe(string probe)
    {
        var get = Container.At(probe + ".httpGet") ?? throw new InvalidOperationException($"{PodName}: no {probe}.httpGet");
        var port = get.At("port")!;
        var local = port.GetValueKind() == System.Text.Json.JsonValueKind.Number ? Ports[port.GetValue<int>()] : NamedPorts[port.GetValue<string>()];
        return (local, get.Text("path")!);
    }

    public AppProcess Start(PublishedApps apps)
    {
        var (program, arguments) = apps.CommandLine(Target, Arguments);
        return AppProcess.Start(PodName, program, arguments, Environment, WorkingDirectory);
    }

    public static LocalPod Prepare(RenderedManifests manifests, JsonNode podTemplate, string containerName, string target, string podName,
        IReadOnlyDictionary<(string Secret, string Key), string>? userSecrets = null,
        IReadOnlyDictionary<(string Secret, string Key), string>? overrides = null)
    {
        var spec = podTemplate.At("spec")!;
        var container = spec.Items("containers").Single(c => c.Text("name") == containerName);
        var root = Repository.TemporaryDirectory("pod-" + podName);
        string SecretValue(string secret, string key)
        {
            var name = RenderedManifests.BaseName(secret);
            if (overrides?.TryGetValue((name, key), out var overridden) == true) { return overridden; }
            if (manifests.Find("Secret", name) is { } rendered)
            {
                var data = rendered["data"]?[key]?.ToString() ?? throw new InvalidOperationException($"Secret {secret} has no key {key}");
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            return userSecrets?.TryGetValue((name, key), out var user) == true
                ? user
                : throw new InvalidOperationException($"Secret {secret} key {key} is neither rendered nor given");
        }

        var ports = container.Items("ports").ToDictionary(p => p.At("containerPort")!.GetValue<int>(), _ => 0);
        var free = FreePorts.Loopback(ports.Count);
        var index = 0;
        foreach (var port in ports.Keys.ToList()) { ports[port] = free[index++]; }
        var named = container.Items("ports").Where(p => p.Text("name") is not null)
            .ToDictionary(p => p.Text("name")!, p => ports[p.At("containerPort")!.GetValue<int>()]);

        // Volumes: secret items as files, emptyDirs as folders; mount path → local folder.
        var mounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in container.Items("volumeMounts"))
        {
            var volume = spec.Items("volumes").Single(v => v.Text("name") == mount.Text("name"));
            var local = Path.Combine(root, mount.Text("name")!);
            Directory.CreateDirectory(local);
            if (volume.Text("secret.secretName") is { } secretName)
            {
                foreach (var item in volume.Items("secret.items"))
                {
                    File.WriteAllBytes(Path.Combine(local, item.Text("path")!), SecretBytes(secretName, item.Text("key")!));
                }
            }
            else if (volume.At("emptyDir") is null)
            {
                throw new InvalidOperationException($"volume {mount.Text("name")}: only secret and emptyDir volumes are stood in for");
            }
            mounts[mount.Text("mountPath")!] = local;
        }

        byte[] SecretBytes(string secret, string key)
        {
            if (overrides?.TryGetValue((RenderedManifests.BaseName(secret), key), out var overridden) == true) { return Encoding.UTF8.GetBytes(overridden); }
            if (manifests.Find("Secret", RenderedManifests.BaseName(secret)) is { } rendered)
            {
                return Convert.FromBase64String(rendered["data"]?[key]?.ToString() ?? throw new InvalidOperationException($"Secret {secret} has no key {key}"));
            }
            // User-provided binary values (the certificate) are given base64-encoded, as in a Secret's data.
            return userSecrets?.TryGetValue((RenderedManifests.BaseName(secret), key), out var user) == true
                ? (key.EndsWith(".pfx", StringComparison.Ordinal) ? Convert.FromBase64String(user) : Encoding.UTF8.GetBytes(user))
                : throw new InvalidOperationException($"Secret {secret} key {key} is neither rendered nor given");
        }

        string Local(string value)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && ports.TryGetValue(number, out var mapped))
            {
                return mapped.ToString(CultureInfo.InvariantCulture);
            }
            if (WildcardUrl().Match(value) is { Success: true } url)
            {
                var port = url.Groups["port"].Success ? int.Parse(url.Groups["port"].Value, CultureInfo.InvariantCulture) : 80;
                return $"{url.Groups["scheme"].Value}://127.0.0.1:{ports[port]}";
            }
            foreach (var (path, local) in mounts)
            {
                if (value.StartsWith(path + "/", StringComparison.Ordinal)) { return Path.Combine(local, value[(path.Length + 1)..]); }
            }
            return value;
        }

        var env = new Dictionary<string, string>(Dockerfile.Repository.Environment(target), StringComparer.Ordinal);
        foreach (var variable in container.Items("env"))
        {
            var name = variable.Text("name")!;
            env[name] = variable.At("valueFrom") switch
            {
                null => variable.Text("value") ?? "",
                var from when from.Text("fieldRef.fieldPath") is { } field => field switch
                {
                    "metadata.name" => podName,
                    "metadata.namespace" => podTemplate.Text("metadata.namespace") ?? Namespace(manifests),
                    "status.podIP" => IPAddress.Loopback.ToString(),
                    _ => throw new InvalidOperationException($"{name}: the downward API's {field} is not stood in for"),
                },
                var from when from.At("configMapKeyRef") is { } reference =>
                    manifests.Single("ConfigMap", RenderedManifests.BaseName(reference.Text("name")!))["data"]?[reference.Text("key")!]?.ToString()
                    ?? throw new InvalidOperationException($"{name}: ConfigMap {reference.Text("name")} has no key {reference.Text("key")}"),
                var from when from.At("secretKeyRef") is { } reference => SecretValue(reference.Text("name")!, reference.Text("key")!),
                var from => throw new InvalidOperationException($"{name}: valueFrom {from.ToJsonString()} is not stood in for"),
            };
        }
        foreach (var key in env.Keys.ToList()) { env[key] = Local(env[key]); }

        return new LocalPod
        {
            PodName = podName,
            Target = target,
            Arguments = [.. container.Items("args").Select(a => Local(a.GetValue<string>()))],
            Environment = env,
            Ports = ports,
            NamedPorts = named,
            WorkingDirectory = root,
            Container = container,
        };
    }

    public static string Namespace(RenderedManifests manifests) =>
        manifests.Resources.Select(r => r.Text("metadata.namespace")).FirstOrDefault(n => n is not null) ?? "default";

    [GeneratedRegex(@"^(?<scheme>https?)://(\+|\*|0\.0\.0\.0|\[::\])(:(?<port>[0-9]+))?/?$")]
    private static partial Regex WildcardUrl();
}
