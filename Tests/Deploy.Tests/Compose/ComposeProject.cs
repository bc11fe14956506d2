using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// deploy/compose/compose.yaml with the secrets deploy/make-dev-secrets.sh makes (in a temporary folder that stands for
/// ./secrets). <see cref="Service"/> turns one service into the process a container would run, on this machine: the
/// image's ENTRYPOINT (published app) with the service's command, and the image's ENV, then env_file, then environment
/// (compose's precedence), with what only a Docker network provides stood in for: the service's exposed ports are free
/// loopback ports, other IP addresses are 127.0.0.1, /run/secrets files are the generated ones, and the PostgreSQL
/// connection is the test set-up's.
/// </summary>
public sealed partial class ComposeProject
{
    private ComposeProject(JsonNode file, string secrets)
    {
        File = file;
        Secrets = secrets;
    }

    public JsonNode File { get; }

    /// <summary>The generated ./secrets.</summary>
    public string Secrets { get; }

    public static async Task<ComposeProject> CreateAsync()
    {
        var secrets = Path.Combine(Repository.TemporaryDirectory("compose"), "secrets");
        await Command.RunCheckedAsync("bash", [Repository.PathOf("deploy", "make-dev-secrets.sh"), secrets, "postgres"]);
        return new ComposeProject(Yaml.LoadFile("deploy", "compose", "compose.yaml")!, secrets);
    }

    public JsonNode ServiceNode(string name) => File.At("services." + name) ?? throw new InvalidOperationException($"no service {name}");

    public IEnumerable<string> ServiceNames => File.Entries("services").Select(kv => kv.Key);

    /// <summary>A file the compose file names relative to its folder (secrets/…), in the generated folder.</summary>
    public string Local(string composePath) =>
        composePath.StartsWith("secrets/", StringComparison.Ordinal) ? Path.Combine(Secrets, composePath["secrets/".Length..])
            : throw new InvalidOperationException($"{composePath}: only ./secrets is stood in for");

    public LocalService Service(string name, string postgres)
    {
        var service = ServiceNode(name);
        var target = service.Text("build.target") ?? throw new InvalidOperationException($"{name} is not built from deploy/docker");
        var ports = Dockerfile.Repository.Exposed(target).Zip(FreePorts.Loopback(Dockerfile.Repository.Exposed(target).Count)).ToDictionary(p => p.First, p => p.Second);
        var secretFiles = service.Items("secrets").Select(s => s.GetValue<string>())
            .ToDictionary(s => "/run/secrets/" + s, s => Local(File.Text($"secrets.{s}.file") ?? File.At("secrets")![s]!["file"]!.GetValue<string>()));

        var env = new Dictionary<string, string>(Dockerfile.Repository.Environment(target), StringComparer.Ordinal);
        foreach (var envFile in service.Items("env_file").Select(f => f.GetValue<string>()))
        {
            foreach (var line in System.IO.File.ReadAllLines(Local(envFile)).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                env[line[..eq]] = line[(eq + 1)..];
            }
        }
        foreach (var (key, value) in service.Entries("environment")) { env[key] = value?.ToString() ?? ""; }

        string Substitute(string key, string value)
        {
            if (key == "Rayswarm__Postgres") { return postgres; }
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && ports.TryGetValue(number, out var mapped))
            {
                return mapped.ToString(CultureInfo.InvariantCulture);
            }
            if (WildcardUrl().Match(value) is { Success: true } url)
            {
                return $"{url.Groups["scheme"].Value}://127.0.0.1:{ports[int.Parse(url.Groups["port"].Value, CultureInfo.InvariantCulture)]}";
            }
            if (IPAddress.TryParse(value, out var ip) && !IPAddress.IsLoopback(ip) && value.Count(c => c == '.') == 3) { return "127.0.0.1"; }
            return secretFiles.GetValueOrDefault(value, value);
        }

        return new LocalService
        {
            Name = name,
            Target = target,
            Arguments = [.. service.Items("command").Select(c => Substitute("", c.GetValue<string>()))],
            Environment = env.ToDictionary(kv => kv.Key, kv => Substitute(kv.Key, kv.Value)),
            Ports = ports,
            Healthcheck = [.. service.Items("healthcheck.test").Select(c => c.GetValue<string>())],
        };
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(\+|\*|0\.0\.0\.0|\[::\]):(?<port>[0-9]+)/?$")]
    private static partial Regex WildcardUrl();
}
