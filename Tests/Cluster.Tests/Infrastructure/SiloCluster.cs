using System.Security.Cryptography.X509Certificates;
using Rayswarm.Gateway.Tests;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Real Silo processes on a fresh PostgreSQL database, shared by tests (the collection's, or one class's): each test asks
/// for the number of live silos it needs (<see cref="EnsureSilosAsync"/>), so a silo killed by one test is replaced for the
/// next, and uses grain keys of its own. Every process is killed when the fixture is disposed.
/// </summary>
public class SiloCluster : IAsyncLifetime
{
    public const string Secret = "multi-process-test-secret";

    private readonly PostgresServer _postgres = new();
    private readonly List<SiloProcess> _all = [];
    private readonly List<SiloProcess> _silos = [];

    public string ClusterId { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    public string Database { get; private set; } = "";

    /// <summary>Silos started for the cluster, in order, including those that were killed or stopped since.</summary>
    public IReadOnlyList<SiloProcess> Silos
    {
        get { lock (_silos) { return [.. _silos]; } }
    }

    /// <summary>The silos whose process still runs.</summary>
    public IReadOnlyList<SiloProcess> Live => [.. Silos.Where(s => !s.HasExited)];

    /// <summary>Extra switches of every silo (e.g. the TLS certificate).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>The certificate clients present, when the cluster needs one.</summary>
    public virtual X509Certificate2? ClientCertificate => null;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Database = await _postgres.CreateDatabaseAsync();
    }

    /// <summary>Another empty database on the cluster's server (dropped with the fixture), for a cluster of a test's own.</summary>
    public Task<string> CreateDatabaseAsync() => _postgres.CreateDatabaseAsync();

    /// <summary>The switches a silo of this cluster starts with.</summary>
    public IEnumerable<string> Arguments(string? secret = null) =>
        ["--postgres", Database, "--cluster-id", ClusterId, "--secret", secret ?? Secret, .. ExtraArguments];

    /// <summary>Starts silos (at once) until <paramref name="count"/> run, and waits until they serve.</summary>
    public async Task EnsureSilosAsync(int count)
    {
        var missing = count - Live.Count;
        if (missing <= 0) { return; }
        await StartSilosAsync(missing);
    }

    /// <summary>Starts <paramref name="count"/> more silos at once and waits until they serve.</summary>
    public async Task<SiloProcess[]> StartSilosAsync(int count)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartAsync(Arguments())));
        lock (_silos) { _silos.AddRange(started); }
        return started;
    }

    /// <summary>Starts a process with <paramref name="arguments"/> that is not (or not yet) a member: killed with the cluster.</summary>
    public async Task<SiloProcess> StartAsync(IEnumerable<string> arguments, bool waitReady = true)
    {
        var silo = await SiloProcess.StartAsync(arguments, waitReady);
        lock (_all) { _all.Add(silo); }
        return silo;
    }

    /// <summary>Starts a cluster-mode Gateway process over this cluster, on a free loopback port.</summary>
    public Task<GatewayProcess> StartGatewayAsync() => GatewayProcess.StartAsync(
        "--urls", "http://127.0.0.1:0", "--postgres", Database, "--cluster-id", ClusterId, "--secret", Secret);

    public Task<ClusterClientHost> ConnectAsync() => ClusterClientHost.ConnectAsync(Database, ClusterId, ClientCertificate);

    /// <summary>The single live silo that <paramref name="silo"/> (as a grain reports it) names.</summary>
    public SiloProcess Find(string silo) => Silos.Single(s => s.Is(silo));

    /// <summary>Writes the output of every process to the test log: what they said since <paramref name="mark"/>.</summary>
    public void WriteOutput(ITestOutputHelper output, IReadOnlyDictionary<SiloProcess, int>? mark = null)
    {
        List<SiloProcess> all;
        lock (_all) { all = [.. _all]; }
        foreach (var silo in all)
        {
            var text = silo.Output;
            var from = mark is not null && mark.TryGetValue(silo, out var at) ? Math.Min(at, text.Length) : 0;
            var state = silo.HasExited ? $"exited {silo.ExitCode}" : "running";
            output.WriteLine($"--- silo pid {silo.ProcessId} port {silo.SiloPort} ({state}) ---\n{text[from..]}");
        }
    }

    /// <summary>How much each process has said so far, for <see cref="WriteOutput"/>.</summary>
    public IReadOnlyDictionary<SiloProcess, int> Mark()
    {
        lock (_all) { return _all.ToDictionary(s => s, s => s.Output.Length); }
    }

    public virtual async Task DisposeAsync()
    {
        List<SiloProcess> all;
        lock (_all) { all = [.. _all]; }
        await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
        await _postgres.DisposeAsync();
    }
}

/// <summary>Tests on a <see cref="SiloCluster"/>: the output of the silos during the test goes to the test's log.</summary>
public abstract class SiloClusterTests<TCluster>(TCluster cluster, ITestOutputHelper output) : IAsyncLifetime
    where TCluster : SiloCluster
{
    private IReadOnlyDictionary<SiloProcess, int>? _mark;

    protected TCluster Cluster => cluster;

    protected ITestOutputHelper Output => output;

    public Task InitializeAsync()
    {
        _mark = cluster.Mark();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        cluster.WriteOutput(output, _mark);
        return Task.CompletedTask;
    }

    protected void Log(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
