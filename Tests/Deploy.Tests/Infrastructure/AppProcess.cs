using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// A published app run as a container would run it: its command line and exactly the given environment (what the
/// image, the compose file or the manifest set). Inherited variables that configure Rayswarm, ASP.NET Core, .NET's
/// environment name, Orleans or Kubernetes are removed first, so nothing but the given environment configures it.
/// Killed (with any children) on dispose and when the test process exits.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<AppProcess, byte> s_live = new();
    private static readonly string[] s_cleared = ["Rayswarm", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "POD_", "ORLEANS_", "KUBECONFIG", "KUBERNETES_", "Logging__"];
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    static AppProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var app in s_live.Keys) { app.KillQuietly(); }
    };

    private AppProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static AppProcess Start(string name, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments) { info.ArgumentList.Add(a); }
        foreach (var key in info.Environment.Keys.Where(k => s_cleared.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment) { info.Environment[key] = value; }
        var app = new AppProcess(name, Process.Start(info)!);
        s_live.TryAdd(app, 0);
        app._process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for a line of output that <paramref name="match"/> accepts; fails at once if the process exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, int timeoutMs = 90_000)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var earlier = _output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(match);
            if (earlier is not null) { return earlier; }
            _waiters.Add((match, seen));
        }
        var exited = _process.WaitForExitAsync();
        Task first;
        try
        {
            first = await Task.WhenAny(seen.Task, exited).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name}: no {what} within {timeoutMs} ms:\n{Output}");
        }
        if (first != seen.Task && !seen.Task.IsCompleted)
        {
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before {what}:\n{Output}");
        }
        return await seen.Task;
    }

    public async Task<int> WaitForExitAsync(int timeoutMs = 60_000)
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as <c>docker stop</c> and Kubernetes send it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown of any kind.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    private void OnLine(string? line)
    {
        if (line is null) { return; }
        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }

    private void KillQuietly()
    {
        try
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); }
        }
        catch (InvalidOperationException) { /* already gone */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (!s_live.TryRemove(this, out _)) { return; }
        KillQuietly();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
