using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Rayswarm.Cluster.Tests;

/// <summary>A real Silo executable in its own process. Killed (with any children) on dispose, and when the test process exits.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<SiloProcess, byte> s_live = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _http = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int? _exitCode;

    static SiloProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var silo in s_live.Keys) { silo.KillQuietly(); }
    };

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo's address ("127.0.0.1:port:generation"), once it reported ready.</summary>
    public string Address => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : throw new InvalidOperationException("the silo is not ready");

    public int SiloPort { get; }

    /// <summary>Whether <paramref name="silo"/> (as a grain reports it, or as the management grain lists it) is this process:
    /// its port, and its generation once it reported ready (a later process may get the same port).</summary>
    public bool Is(string silo) => Is(SiloAddress.FromParsableString(silo));

    public bool Is(SiloAddress? silo) =>
        silo is not null && silo.Endpoint.Port == SiloPort && (!IsReady || silo.Generation.ToString(CultureInfo.InvariantCulture) == Address[(Address.LastIndexOf(':') + 1)..]);

    public int GatewayPort { get; }

    /// <summary>The base address of the silo's probes and metrics (it listens on a port the OS picks, <c>--http-port 0</c>,
    /// unless the test gave another), once it printed it; <see cref="HttpAddressAsync"/> waits for it.</summary>
    public Uri HttpAddress => _http.Task.IsCompletedSuccessfully ? _http.Task.Result : throw new InvalidOperationException("the silo's HTTP listener has not started");

    /// <summary>Waits until the silo's HTTP listener runs (it starts before the silo) and returns its base address.</summary>
    public async Task<Uri> HttpAddressAsync(int timeoutMs = 60_000)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(_http.Task, exited).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs)) == exited && !_http.Task.IsCompleted)
        {
            throw new InvalidOperationException($"silo exited with {_process.ExitCode} before its HTTP listener started:\n{Output}");
        }
        return await _http.Task;
    }

    public int ProcessId { get; private init; }

    public bool HasExited => _exitCode is not null || _process.HasExited;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public int ExitCode => _exitCode ?? _process.ExitCode;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>Starts a silo with <paramref name="args"/> plus free <c>--port</c>/<c>--gateway-port</c> and the test grains, and
    /// unless <paramref name="waitReady"/> is false waits until it serves. A silo that lost its ports to another process
    /// before binding them is started again on new ones.</summary>
    public static async Task<SiloProcess> StartAsync(IEnumerable<string> args, bool waitReady = true, int timeoutMs = 90_000)
    {
        var arguments = args.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var silo = Start(arguments);
            if (!waitReady) { return silo; }
            try
            {
                await silo.WaitReadyAsync(timeoutMs);
                return silo;
            }
            catch (InvalidOperationException) when (attempt < 3 && silo.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await silo.DisposeAsync();
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
        }
    }

    private static SiloProcess Start(string[] args)
    {
        var siloPort = FreePorts.Loopback();
        var gatewayPort = FreePorts.Loopback();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Paths.SiloDll);
        foreach (var a in args) { info.ArgumentList.Add(a); }
        foreach (var a in new[]
        {
            "--port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--grain-assembly", Paths.TestGrainsDll,
        })
        {
            info.ArgumentList.Add(a);
        }
        if (!args.Contains("--http-port"))
        {
            // Several silos share the machine: not the default port 8080.
            info.ArgumentList.Add("--http-port");
            info.ArgumentList.Add("0");
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        info.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        var process = Process.Start(info)!;
        var silo = new SiloProcess(process, siloPort, gatewayPort) { ProcessId = process.Id };
        s_live.TryAdd(silo, 0);
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        return silo;
    }

    public async Task WaitReadyAsync(int timeoutMs = 90_000)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        if (first == exited && !_ready.Task.IsCompleted)
        {
            throw new InvalidOperationException($"silo exited with {_process.ExitCode} before it was ready:\n{Output}");
        }
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the graceful stop Kubernetes asks for.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
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
        if (line.StartsWith("silo-http ", StringComparison.Ordinal)) { _http.TrySetResult(new Uri(line["silo-http ".Length..].Trim())); }
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
        if (_exitCode is not null) { return; }
        KillQuietly();
        await _process.WaitForExitAsync();
        _exitCode = _process.ExitCode;
        s_live.TryRemove(this, out _);
        _process.Dispose();
    }
}
