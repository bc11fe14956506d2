using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Deploy.Tests;

/// <summary>deploy/docker read back (there is no Docker engine here): what the build stage copies, restores and publishes,
/// what the runtime images run, and what the ignore file lets into the build context.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Repository;

    [Fact]
    public void The_restore_layer_copies_every_project_and_props_file_the_two_apps_build_from()
    {
        var copied = File.InStage("build", "COPY").TakeWhile(c => c.Arguments != ". .")
            .SelectMany(c =>
            {
                var parts = c.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var target = parts[^1];
                return parts[..^1].Select(source => target.EndsWith('/') && target != "./" ? target + Path.GetFileName(source) : source);
            })
            .ToHashSet();
        var projects = new HashSet<string>();
        void Walk(string project)
        {
            if (!projects.Add(project)) { return; }
            var directory = Path.GetDirectoryName(project)!;
            foreach (var reference in XDocument.Load(Repository.PathOf(project)).Descendants("ProjectReference"))
            {
                Walk(Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.PathOf(directory), reference.Attribute("Include")!.Value.Replace('\\', '/')))));
            }
        }
        Walk("Silo/Silo.csproj");
        Walk("Gateway/Gateway.csproj");
        var needed = projects
            .Concat(projects.Select(p => Path.Combine(Path.GetDirectoryName(p)!, "Directory.Build.props")).Where(p => System.IO.File.Exists(Repository.PathOf(p))))
            .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props"]);
        Assert.All(needed, n => Assert.Contains(n, copied));
        Assert.Contains(File.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore Silo/Silo.csproj", StringComparison.Ordinal) && i.Arguments.Contains("dotnet restore Gateway/Gateway.csproj", StringComparison.Ordinal));
        Assert.Equal(["Gateway/Gateway.csproj", "Silo/Silo.csproj"], File.PublishCommands().Select(c => c[1]).Order());
    }

    [Fact]
    public void Every_file_the_build_copies_from_the_context_exists_and_is_not_ignored()
    {
        var ignore = new DockerIgnore(Repository.Read("deploy", "docker", "Dockerfile.dockerignore"));
        foreach (var copy in File.Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from=", StringComparison.Ordinal)))
        {
            var sources = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray()[..^1];
            foreach (var source in sources.Where(s => s != "."))
            {
                Assert.True(System.IO.File.Exists(Repository.PathOf(source)), $"COPY {source}: no such file");
                Assert.True(ignore.IsIncluded(source), $"COPY {source}: the ignore file keeps it out of the context");
            }
        }
    }

    [Theory]
    [InlineData("silo", "Rayswarm.Silo.dll")]
    [InlineData("gateway", "Rayswarm.Gateway.dll")]
    public async Task A_runtime_image_runs_its_published_app_as_the_non_root_user_with_a_healthcheck_on_its_http_port(string target, string dll)
    {
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", File.Instructions.Single(i => i.Keyword == "FROM" && i.Arguments.EndsWith(" AS runtime", StringComparison.Ordinal)).Arguments, StringComparison.Ordinal);
        Assert.Equal("$APP_UID", File.InStage(target, "USER").Last().Arguments);
        Assert.Equal(["dotnet", "/app/" + dll], File.Entrypoint(target));
        var (program, arguments) = (await PublishedApps.GetAsync()).CommandLine(target);
        Assert.Equal("dotnet", program);
        Assert.True(System.IO.File.Exists(arguments[0]), $"{arguments[0]} was not published");

        // HEALTHCHECK: the script on the image's HTTP port and the path the manifests probe for liveness.
        var healthcheck = File.Healthcheck(target);
        Assert.Equal("healthcheck", healthcheck[0]);
        var env = File.Environment(target);
        var httpPort = target == "silo" ? env["Rayswarm__Http__Port"] : new Uri(File.Cmd(target)[1].Replace("+", "localhost", StringComparison.Ordinal)).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(httpPort, healthcheck[1]);
        Assert.Contains(int.Parse(httpPort, System.Globalization.CultureInfo.InvariantCulture), File.Exposed(target));
        var manifests = await Kustomize.RenderAsync("base");
        Assert.Equal(manifests.Single("Deployment", "rayswarm-" + target).Text("spec.template.spec.containers.0.livenessProbe.httpGet.path"), healthcheck[2]);
        Assert.Contains(File.InStage(target, "COPY"), c => c.Arguments.Contains("deploy/docker/healthcheck.sh /usr/local/bin/healthcheck", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ignore_file_keeps_secrets_build_output_and_tests_out_and_every_source_of_the_apps_in()
    {
        var ignore = new DockerIgnore(Repository.Read("deploy", "docker", "Dockerfile.dockerignore"));
        var tracked = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
        var sources = tracked.Where(f => f.Split('/')[0] is "Silo" or "Gateway" or "Grains" or "Grains.Interfaces" or "Grains.Providers").ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, f => Assert.True(ignore.IsIncluded(f), $"{f} is ignored but the build needs it"));
        Assert.All(["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "deploy/docker/healthcheck.sh"],
            f => Assert.True(ignore.IsIncluded(f), $"{f} is ignored"));
        Assert.All(
            [
                ".git/config", "Silo/bin/Release/net10.0/Rayswarm.Silo.dll", "Gateway/obj/project.assets.json", "Tests/Deploy.Tests/Deploy.Tests.csproj",
                "deploy/compose/secrets/rayswarm.env", "deploy/compose/secrets/cluster.pfx", "deploy/kubernetes/overlays/dev/secrets/connection-string",
                "Gateway/keys/api-keys.json", "cluster.pfx", "cluster.key", "data/rayswarm.db", "Silo/data/signing-key.pem", "helm/rayswarm/values.yaml",
            ],
            f => Assert.False(ignore.IsIncluded(f), $"{f} would be sent to the builder"));
    }

    [Fact]
    public async Task The_healthcheck_script_passes_on_200_and_fails_on_503_and_on_a_closed_port()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapGet("/readyz", () => Results.StatusCode(503));
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = Repository.PathOf("deploy", "docker", "healthcheck.sh");
        Assert.Equal(0, (await Command.RunAsync("bash", [script, port, "/healthz"], timeoutMs: 20_000)).ExitCode);
        Assert.Equal(1, (await Command.RunAsync("bash", [script, port, "/readyz"], timeoutMs: 20_000)).ExitCode);
        var closed = FreePorts.Loopback().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, (await Command.RunAsync("bash", [script, closed, "/healthz"], timeoutMs: 20_000)).ExitCode);
        await app.StopAsync();
    }
}
