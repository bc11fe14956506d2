using System.Diagnostics;
using System.Globalization;
using Rayswarm.Gateway.Tests;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// The processes a chaos run works on: <c>Silo</c> processes on one PostgreSQL database and a cluster-mode gateway on a fixed
/// loopback port (so a restarted gateway is reached at the same address). Killed silos are replaced by new processes on new
/// ports (a new silo address, as Orleans requires: a dead silo stays dead). Every process is killed on dispose.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private const string Secret = "chaos-secret";

    private readonly string _database;
    private readonly string _clusterId = "chaos" + Guid.NewGuid().ToString("N")[..10];
    private readonly int _gatewayPort = FreePorts.Loopback();
    private readonly Random _random;
    private readonly Action<string> _log;
    private readonly List<SiloProcess> _silos = []; // every silo started, for the outputs and disposal
    private readonly List<SiloProcess> _serving = [];
    private readonly List<GatewayProcess> _gateways = [];
    private GatewayProcess? _gateway;

    private ChaosCluster(string database, int seed, Action<string> log) => (_database, _random, _log) = (database, new Random(seed), log);

    public Uri Gateway => new($"http://127.0.0.1:{_gatewayPort}/");

    /// <summary>How many silos serve: started and ready, not killed or paused since.</summary>
    public int Serving
    {
        get { lock (_silos) { return _serving.Count; } }
    }

    /// <summary>Starts <paramref name="silos"/> silos at once, then the gateway.</summary>
    public static async Task<ChaosCluster> StartAsync(string database, int silos, int seed, Action<string> log)
    {
        var cluster = new ChaosCluster(database, seed, log);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>kill -9</c> of a random serving silo, then a new silo in its place; returns once that serves. Does nothing
    /// (returns false) when fewer than two silos serve: the last one is left alone.</summary>
    public async Task<bool> KillSiloAsync()
    {
        var replacements = ReplaceExitedAsync();
        if (TakeVictim() is not { } victim)
        {
            await replacements;
            return false;
        }
        victim.Kill();
        _log($"killed silo {victim.Address} (pid {victim.ProcessId}) with SIGKILL");
        await Task.WhenAll(replacements, StartSiloAsync());
        return true;
    }

    /// <summary>SIGSTOP of a random serving silo for <paramref name="pause"/>, then SIGCONT. By then the others have declared
    /// it dead; once it learns that it stops itself, and a new silo is started in its place. Returns false as
    /// <see cref="KillSiloAsync"/> does.</summary>
    public async Task<bool> PauseSiloAsync(TimeSpan pause)
    {
        await ReplaceExitedAsync();
        if (TakeVictim() is not { } victim) { return false; }
        Signal(victim.ProcessId, "STOP");
        _log($"paused silo {victim.Address} (pid {victim.ProcessId}) with SIGSTOP for {pause.TotalSeconds} s");
        await Task.Delay(pause);
        Signal(victim.ProcessId, "CONT");
        try
        {
            var exitCode = await victim.WaitForExitAsync(timeoutMs: 30_000);
            _log($"silo {victim.Address} exited with {exitCode} after SIGCONT");
            await StartSiloAsync();
        }
        catch (TimeoutException)
        {
            _log($"silo {victim.Address} runs on after SIGCONT");
            lock (_silos) { _serving.Add(victim); }
        }
        return true;
    }

    /// <summary><c>kill -9</c> of the gateway, and a new gateway on the same port; returns the time it was not listening.</summary>
    public async Task<TimeSpan> KillGatewayAsync()
    {
        var started = Stopwatch.GetTimestamp();
        GatewayProcess? old;
        lock (_gateways) { (old, _gateway) = (_gateway, null); }
        if (old is not null) { await old.DisposeAsync(); } // SIGKILL, and the process is gone once this returns; its output stays readable
        _log("killed the gateway with SIGKILL");
        await StartGatewayAsync();
        var down = Stopwatch.GetElapsedTime(started);
        _log($"a new gateway listens after {down.TotalSeconds:F1} s");
        return down;
    }

    /// <summary>What every process wrote (silos at warning level), named by process.</summary>
    public IReadOnlyList<(string Process, string Output)> Outputs()
    {
        List<(string, string)> outputs;
        lock (_silos) { outputs = [.. _silos.Select(s => ($"silo-{s.ProcessId}-port-{s.SiloPort}", s.Output))]; }
        lock (_gateways) { outputs.AddRange(_gateways.Select((g, i) => ($"gateway-{i + 1}", g.Output))); }
        return outputs;
    }

    /// <summary>Replaces the silos that exited by themselves since the last action (e.g. one that its peers declared dead
    /// while the CPU was starved, as an orchestrator would).</summary>
    private Task ReplaceExitedAsync()
    {
        SiloProcess[] exited;
        lock (_silos)
        {
            exited = [.. _serving.Where(s => s.HasExited)];
            _serving.RemoveAll(exited.Contains);
        }
        foreach (var silo in exited) { _log($"silo {silo.Address} exited by itself with {silo.ExitCode}; starting another"); }
        return Task.WhenAll(exited.Select(_ => StartSiloAsync()));
    }

    /// <summary>A random serving silo, no longer counted as serving; null when fewer than two serve.</summary>
    private SiloProcess? TakeVictim()
    {
        lock (_silos)
        {
            if (_serving.Count < 2)
            {
                _log($"{_serving.Count} silo(s) serve: the chaos leaves them alone this time");
                return null;
            }
            var victim = _serving[_random.Next(_serving.Count)];
            _serving.Remove(victim);
            return victim;
        }
    }

    private async Task StartSiloAsync()
    {
        var silo = await SiloProcess.StartAsync(["--postgres", _database, "--cluster-id", _clusterId, "--secret", Secret]);
        lock (_silos)
        {
            _silos.Add(silo);
            _serving.Add(silo);
        }
        _log($"silo {silo.Address} (pid {silo.ProcessId}) serves");
    }

    private async Task StartGatewayAsync()
    {
        var gateway = await GatewayProcess.StartAsync("--urls", Gateway.ToString().TrimEnd('/'), "--postgres", _database,
            "--cluster-id", _clusterId, "--secret", Secret);
        lock (_gateways)
        {
            _gateway = gateway;
            _gateways.Add(gateway);
        }
        if (!gateway.IsListening) { throw new InvalidOperationException("The gateway did not start:\n" + gateway.Output); }
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) { throw new InvalidOperationException($"kill -{signal} {processId} exited with {kill.ExitCode}"); }
    }

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> all;
        lock (_silos) { all = [.. _silos]; }
        lock (_gateways) { all.AddRange(_gateway is null ? [] : [_gateway]); } // the killed ones were disposed then
        foreach (var process in all) { await process.DisposeAsync(); }
    }
}
