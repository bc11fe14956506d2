using System.Diagnostics;
using Rayswarm.Runtime.Core;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>
/// Several <see cref="MembershipService"/>s in this process on one table and one <see cref="TestNetwork"/>, with short
/// periods (real time). Disposing it disposes every service it created.
/// </summary>
public sealed class TestCluster(ITestOutputHelper output, IMembershipTable table, MembershipOptions? options = null) : IAsyncDisposable
{
    private static int s_nextPort = 20_000;

    private readonly List<MembershipService> _services = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TestCluster(ITestOutputHelper output) : this(output, new MemoryMembershipTable("test"))
    {
    }

    public IMembershipTable Table { get; } = table;

    public TestNetwork Network { get; } = new();

    public MembershipOptions Options { get; } = options ?? FastOptions();

    /// <summary>Periods a tenth of the defaults or less, so that a test takes a second, not ten.</summary>
    public static MembershipOptions FastOptions() => new()
    {
        ProbePeriod = TimeSpan.FromMilliseconds(100),
        ProbeTimeout = TimeSpan.FromMilliseconds(200),
        MissedProbesLimit = 2,
        NumVotesForDeath = 2,
        SuspicionExpiry = TimeSpan.FromSeconds(5),
        IAmAlivePeriod = TimeSpan.FromMilliseconds(200),
        // Generous: a loaded machine must never make a live silo look stale.
        StaleSiloLimit = TimeSpan.FromSeconds(10),
        TableRefreshPeriod = TimeSpan.FromMilliseconds(100),
        ProbedSilos = 3,
    };

    /// <summary>A silo address no other test uses.</summary>
    public static SiloAddress NewAddress() =>
        new("127.0.0.1", Interlocked.Increment(ref s_nextPort), SiloAddress.NewGeneration());

    /// <summary>Seconds since the cluster was created (the time stamp of the log lines).</summary>
    public double Elapsed => _clock.Elapsed.TotalSeconds;

    /// <summary>A service for a new silo (or for <paramref name="address"/>), not joined yet.</summary>
    public MembershipService Create(string name, SiloAddress? address = null, IMembershipTable? ownTable = null)
    {
        var silo = address ?? NewAddress();
        var service = new MembershipService(
            silo, name, ownTable ?? Table, Network.ProberFor(silo), Options, TimeProvider.System, new TestOutputLogger(output, name, () => Elapsed));
        lock (_services) { _services.Add(service); }
        return service;
    }

    /// <summary>A new silo that has joined.</summary>
    public async Task<MembershipService> StartAsync(string name, IMembershipTable? ownTable = null)
    {
        var service = Create(name, ownTable: ownTable);
        await service.JoinAsync(CancellationToken.None).Within();
        return service;
    }

    /// <summary>Several new silos, joined one after the other.</summary>
    public async Task<MembershipService[]> StartAsync(params string[] names)
    {
        var services = new List<MembershipService>();
        foreach (var name in names) { services.Add(await StartAsync(name)); }
        return [.. services];
    }

    /// <summary>Kills a silo: probes to it fail from now on and its service stops without writing anything.</summary>
    public async Task KillAsync(MembershipService silo, bool hang = false)
    {
        Network.Kill(silo.Silo, hang);
        await silo.DisposeAsync();
    }

    /// <summary>The row of <paramref name="silo"/> as the table has it now.</summary>
    public async Task<MembershipEntry?> RowAsync(SiloAddress silo) => (await Table.ReadAllAsync(CancellationToken.None)).Find(silo);

    /// <summary>Writes a row as a silo that is not running would have left it.</summary>
    public async Task InsertRowAsync(MembershipEntry entry)
    {
        while (true)
        {
            var snapshot = await Table.ReadAllAsync(CancellationToken.None);
            if (await Table.TryInsertAsync(entry, snapshot.Version, CancellationToken.None)) { return; }
        }
    }

    public void Log(string line)
    {
        try
        {
            output.WriteLine($"{Elapsed,7:F3}s test: {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished.
        }
    }

    public async ValueTask DisposeAsync()
    {
        MembershipService[] services;
        lock (_services) { services = [.. _services]; }
        foreach (var service in services) { await service.DisposeAsync(); }
    }
}
