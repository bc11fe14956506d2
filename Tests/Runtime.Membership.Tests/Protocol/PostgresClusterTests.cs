using System.Diagnostics;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>Three silos on a real PostgreSQL table, each with its own connection pool as separate processes would have.</summary>
[Trait("Category", "Slow")]
public sealed class PostgresClusterTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly List<PostgresMembershipTable> _tables = [];
    private TestCluster? _cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null) { await _cluster.DisposeAsync(); }
        foreach (var table in _tables) { await table.DisposeAsync(); }
    }

    [Fact]
    public async Task With_the_default_options_a_killed_silo_is_declared_Dead_within_seconds()
    {
        var connectionString = await server.CreateDatabaseAsync();
        PostgresMembershipTable Open()
        {
            var table = new PostgresMembershipTable("pg-cluster", new PostgresStorageOptions { ConnectionString = connectionString });
            _tables.Add(table);
            return table;
        }

        var cluster = _cluster = new TestCluster(output, Open(), new MembershipOptions());
        var silos = new List<MembershipService>();
        foreach (var name in new[] { "a", "b", "c" }) { silos.Add(await cluster.StartAsync(name, Open())); }
        var (a, b, c) = (silos[0], silos[1], silos[2]);
        await Eventually.True(() => silos.All(s => s.ActiveSilos.Count == 3), "all see three Active");

        var watch = Stopwatch.StartNew();
        await cluster.KillAsync(c);
        await Eventually.True(async () => (await cluster.RowAsync(c.Silo))?.Status == SiloStatus.Dead, "c's row is Dead", timeoutMs: 30_000);
        var rowDead = watch.Elapsed;
        await Eventually.True(() => a.IsDead(c.Silo) && b.IsDead(c.Silo), "a and b know that c is Dead", timeoutMs: 30_000);
        var allKnow = watch.Elapsed;
        cluster.Log($"default options: killed silo's row Dead after {rowDead.TotalSeconds:F2} s, known to all survivors after {allKnow.TotalSeconds:F2} s");

        var row = (await cluster.RowAsync(c.Silo))!;
        Assert.Equal(new[] { a.Silo, b.Silo }.Select(s => s.ToString()).Order(), row.Suspicions.Select(s => s.By.ToString()).Order());
        var snapshot = await cluster.Table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(new[] { a.Silo, b.Silo }.ToHashSet(), snapshot.Active.ToHashSet());
        // Generous bound for a loaded machine; the measured time is in the test output.
        Assert.True(allKnow < TimeSpan.FromSeconds(15), $"took {allKnow}");
    }
}
