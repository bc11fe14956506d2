using System.Diagnostics;
using System.Net;

namespace Rayswarm.Benchmarks;

/// <summary>
/// A real <c>Silo</c> process with the shared test grains loaded (<c>--grain-assembly</c>): a cluster member on PostgreSQL when
/// given a connection string, else a lone silo on SQLite that is its own development-clustering primary (other silos join it
/// through <see cref="SiloEndpoint"/>).
/// </summary>
public sealed class ExternalSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExternalSilo(Process process, string dataDir, int siloPort, int gatewayPort) =>
        (_process, _dataDir, SiloPort, GatewayPort) = (process, dataDir, siloPort, gatewayPort);

    /// <summary>The silo address it printed when ready ("silo-ready ADDRESS").</summary>
    public string Address => _ready.Task.Result;

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IPEndPoint SiloEndpoint => new(IPAddress.Loopback, SiloPort);

    public int ProcessId => _process.Id;

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ExternalSilo> StartAsync(string clusterId, string? postgres = null, string secret = "bench-secret")
    {
        var ports = Rayswarm.Testing.FreePorts.Loopback(2);
        var dataDir = Directory.CreateTempSubdirectory("rayswarm-bench-silo-").FullName;
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "Silo", "bin", configuration, "net10.0", "Rayswarm.Silo.dll"));
        string[] arguments = ["--cluster-id", clusterId, "--secret", secret, "--port", $"{ports[0]}", "--gateway-port", $"{ports[1]}",
            "--data-dir", dataDir, "--grain-assembly", Path.Combine(AppContext.BaseDirectory, "Rayswarm.Cluster.TestGrains.dll"),
            "--http-port", "0"]; // probes and /metrics on a free port: several silos share the machine
        foreach (var a in arguments) { info.ArgumentList.Add(a); }
        if (postgres is not null)
        {
            info.ArgumentList.Add("--postgres");
            info.ArgumentList.Add(postgres);
        }
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var silo = new ExternalSilo(Process.Start(info)!, dataDir, ports[0], ports[1]);
        silo._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("silo-ready ", StringComparison.Ordinal) == true) { silo._ready.TrySetResult(e.Data["silo-ready ".Length..].Trim()); }
        };
        silo._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"silo {silo.SiloPort}: {e.Data}"); } };
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        var exited = silo._process.WaitForExitAsync();
        if (await Task.WhenAny(silo._ready.Task, exited).WaitAsync(TimeSpan.FromSeconds(90)) == exited)
        {
            throw new InvalidOperationException($"The silo process exited with {silo._process.ExitCode} before it was ready.");
        }
        return silo;
    }

    /// <summary>kill -9.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); }
        catch (IOException) { /* left to the system's temp clean-up */ }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
