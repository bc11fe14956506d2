using System.Diagnostics;
using System.Text;

namespace Rayswarm.Cluster.Tests;

/// <summary>A real Silo executable in its own process, joined to a PostgreSQL-backed cluster.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process) => _process = process;

    /// <summary>The silo's address, once it reported ready.</summary>
    public string Address => _ready.Task.Result;

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts a silo and, unless <paramref name="waitReady"/> is false, waits until it joined.</summary>
    public static async Task<SiloProcess> StartAsync(string postgres, string clusterId, string secret, bool waitReady = true)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Paths.SiloDll);
        foreach (var a in new[] { "--postgres", postgres, "--cluster-id", clusterId, "--secret", secret, "--port", "0", "--grain-assembly", Paths.TestGrainsDll })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var silo = new SiloProcess(Process.Start(info)!);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        if (waitReady) { await silo.WaitReadyAsync(); }
        return silo;
    }

    public async Task WaitReadyAsync(int timeoutMs = 60_000)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        if (first == exited) { throw new InvalidOperationException($"silo exited with {_process.ExitCode} before it was ready:\n{Output}"); }
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the graceful stop Kubernetes asks for.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(int timeoutMs = 60_000)
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        return _process.ExitCode;
    }

    private void OnLine(string? line)
    {
        if (line is null) { return; }
        lock (_output) { _output.AppendLine(line); }
        if (line.StartsWith("silo-ready ", StringComparison.Ordinal)) { _ready.TrySetResult(line["silo-ready ".Length..].Trim()); }
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
