using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Rayswarm.Gateway.Tests;

/// <summary>The real Gateway executable, started as a child process on a loopback port the OS picks.</summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process) => _process = process;

    public Uri BaseAddress => _listening.Task.Result;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts the gateway with <paramref name="args"/> and waits until it listens (or exits).</summary>
    public static Task<GatewayProcess> StartAsync(params string[] args) => StartAsync(new Dictionary<string, string>(), args);

    /// <summary>Starts the gateway with <paramref name="environment"/> added to its environment.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(GatewayDll());
        foreach (var a in args) { info.ArgumentList.Add(a); }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) { info.Environment[name] = value; }
        var gateway = new GatewayProcess(Process.Start(info)!);
        gateway._process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.BeginOutputReadLine();
        gateway._process.BeginErrorReadLine();
        var exited = gateway._process.WaitForExitAsync();
        var first = await Task.WhenAny(gateway._listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(60));
        if (first == exited) { gateway._listening.TrySetException(new InvalidOperationException("gateway exited:\n" + gateway.Output)); }
        return gateway;
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public bool IsListening => _listening.Task.IsCompletedSuccessfully;

    /// <summary>SIGTERM: the graceful stop a service manager or Kubernetes asks for.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private void OnLine(string? line)
    {
        if (line is null) { return; }
        lock (_output) { _output.AppendLine(line); }
        if (ListeningLine().Match(line) is { Success: true } m) { _listening.TrySetResult(new Uri(m.Groups[1].Value)); }
    }

    internal static string GatewayDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        if (dir is null) { throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory); }
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir.FullName, "Gateway", "bin", configuration, "net10.0", "Rayswarm.Gateway.dll");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

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
