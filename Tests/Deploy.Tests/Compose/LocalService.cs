using System.Globalization;

namespace Rayswarm.Deploy.Tests;

/// <summary>One compose service ready to run as a process.</summary>
public sealed class LocalService
{
    public required string Name { get; init; }

    public required string Target { get; init; }

    /// <summary>The service's command: arguments to the image's ENTRYPOINT.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>Exposed port → the loopback port standing for it.</summary>
    public required IReadOnlyDictionary<int, int> Ports { get; init; }

    /// <summary>The healthcheck's test, e.g. ["CMD", "healthcheck", "8080", "/readyz"].</summary>
    public required IReadOnlyList<string> Healthcheck { get; init; }

    public AppProcess Start(PublishedApps apps)
    {
        var (program, arguments) = apps.CommandLine(Target, Arguments);
        return AppProcess.Start(Name, program, arguments, Environment, Repository.TemporaryDirectory(Name));
    }

    /// <summary>Runs the healthcheck as Docker would inside the container (the image's healthcheck script, its port mapped).</summary>
    public async Task<bool> IsHealthyAsync()
    {
        if (Healthcheck is not ["CMD", "healthcheck", var port, var path]) { throw new InvalidOperationException($"{Name}: unexpected healthcheck {string.Join(' ', Healthcheck)}"); }
        var local = Ports[int.Parse(port, CultureInfo.InvariantCulture)].ToString(CultureInfo.InvariantCulture);
        return (await Command.RunAsync("bash", [Repository.PathOf("deploy", "docker", "healthcheck.sh"), local, path], timeoutMs: 20_000)).ExitCode == 0;
    }
}
