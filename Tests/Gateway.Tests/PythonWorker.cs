using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary><c>examples/workers/python/worker.py</c> run with <c>python3</c>, registered with a gateway: started, waited for
/// until it prints its READY line (it has registered), killed on dispose.</summary>
public sealed class PythonWorker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PythonWorker(Process process, string endpoint) => (_process, Endpoint) = (process, endpoint);

    /// <summary>The endpoint it registered.</summary>
    public string Endpoint { get; }

    public static async Task<PythonWorker> StartAsync(Uri gateway, string domainId, params string[] args)
    {
        var info = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[ScriptPath(), "--gateway", gateway.ToString(), "--domain-id", domainId, .. args]) { info.ArgumentList.Add(arg); }
        var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        void OnLine(string? line)
        {
            if (line is null) { return; }
            lock (output) { output.AppendLine(line); }
            if (line.StartsWith("READY ", StringComparison.Ordinal)) { ready.TrySetResult(line["READY ".Length..]); }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"worker.py exited ({process.ExitCode}): {output}"));
        string line;
        try
        {
            line = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); }
            process.Dispose();
            throw;
        }
        using var json = JsonDocument.Parse(line);
        return new PythonWorker(process, json.RootElement.GetProperty("endpoint").GetString()!);
    }

    private static string ScriptPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir is null
            ? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "examples", "workers", "python", "worker.py");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
