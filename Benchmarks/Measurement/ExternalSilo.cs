using System.Diagnostics;

namespace Rayswarm.Benchmarks;

/// <summary>A real Silo process of a PostgreSQL-backed cluster, with the shared test grains loaded.</summary>
public sealed class ExternalSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExternalSilo(Process process) => _process = process;

    public string Address => _ready.Task.Result;

    public static async Task<ExternalSilo> StartAsync(string postgres, string clusterId, string secret)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(root, "Silo", "bin", configuration, "net10.0", "Rayswarm.Silo.dll"));
        foreach (var a in new[] { "--postgres", postgres, "--cluster-id", clusterId, "--secret", secret, "--port", "0",
                     "--grain-assembly", Path.Combine(AppContext.BaseDirectory, "Rayswarm.Cluster.TestGrains.dll") })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var silo = new ExternalSilo(Process.Start(info)!);
        silo._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("silo-ready ", StringComparison.Ordinal) == true) { silo._ready.TrySetResult(e.Data["silo-ready ".Length..].Trim()); }
        };
        silo._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("silo: " + e.Data); } };
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        var exited = silo._process.WaitForExitAsync();
        if (await Task.WhenAny(silo._ready.Task, exited).WaitAsync(TimeSpan.FromSeconds(60)) == exited)
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
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
