using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>The compare-and-swap under real concurrency, and schema creation racing itself.</summary>
public abstract partial class MembershipTableContract
{
    private const int Writers = 8;

    [Fact]
    public async Task Of_eight_concurrent_inserts_with_one_expected_version_exactly_one_wins()
    {
        var tables = await OpenManyAsync();
        var entries = tables.Select(_ => Entry(TestCluster.NewAddress(), SiloStatus.Joining)).ToArray();

        var results = await RaceAsync(i => tables[i].TryInsertAsync(entries[i], 0, None));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => results[i]);
        var snapshot = await tables[0].ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(entries[winner].Silo, Assert.Single(snapshot.Entries).Silo);
    }

    [Fact]
    public async Task Of_eight_concurrent_updates_with_one_expected_version_exactly_one_wins()
    {
        var tables = await OpenManyAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        await tables[0].TryInsertAsync(entry, 0, None);
        var voters = tables.Select(_ => TestCluster.NewAddress()).ToArray();

        var results = await RaceAsync(i => tables[i].TryUpdateAsync(entry with { Suspicions = [new Suspicion(voters[i], entry.IAmAliveAt)] }, 1, None));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => results[i]);
        var snapshot = await tables[0].ReadAllAsync(None);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(voters[winner], Assert.Single(Assert.Single(snapshot.Entries).Suspicions).By);
    }

    [Fact]
    public async Task Concurrent_writers_that_retry_on_conflict_lose_no_vote()
    {
        var tables = await OpenManyAsync();
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        await tables[0].TryInsertAsync(entry, 0, None);
        var voters = tables.Select(_ => TestCluster.NewAddress()).ToArray();

        await RaceAsync(async i =>
        {
            // The protocol's loop: read, add this vote to what is there, write if the version did not move.
            while (true)
            {
                var snapshot = await tables[i].ReadAllAsync(None);
                var row = snapshot.Find(entry.Silo)!;
                var voted = row with { Suspicions = [.. row.Suspicions, new Suspicion(voters[i], entry.IAmAliveAt)] };
                if (await tables[i].TryUpdateAsync(voted, snapshot.Version, None)) { return true; }
            }
        });

        var final = await tables[0].ReadAllAsync(None);
        Assert.Equal(1 + Writers, final.Version);
        Assert.Equal(voters.Select(v => v.ToString()).Order(), final.Find(entry.Silo)!.Suspicions.Select(s => s.By.ToString()).Order());
    }

    [Fact]
    public async Task A_read_sees_one_version_and_exactly_its_rows_while_others_write()
    {
        var tables = await OpenManyAsync();
        const int RowsPerWriter = 5;
        var writers = Enumerable.Range(0, Writers / 2).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < RowsPerWriter; n++)
            {
                var entry = Entry(TestCluster.NewAddress(), SiloStatus.Joining);
                while (!await tables[i].TryInsertAsync(entry, (await tables[i].ReadAllAsync(None)).Version, None)) { }
            }
        })).ToArray();
        var done = Task.WhenAll(writers);
        var reads = 0;

        // Only inserts happen, so every consistent snapshot has as many rows as its version.
        var readers = Enumerable.Range(Writers / 2, Writers / 2).Select(i => Task.Run(async () =>
        {
            do
            {
                var snapshot = await tables[i].ReadAllAsync(None);
                Assert.Equal(snapshot.Version, snapshot.Entries.Count);
                Interlocked.Increment(ref reads);
            }
            while (!done.IsCompleted);
        })).ToArray();
        await Task.WhenAll(readers.Append(done)).Within();

        Assert.True(reads >= Writers / 2);
        Assert.Equal(Writers / 2 * RowsPerWriter, (await tables[0].ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task Initializing_twice_and_concurrently_is_harmless()
    {
        var tables = new List<IMembershipTable>();
        for (var i = 0; i < 4; i++) { tables.Add(await OpenAsync(initialize: false)); }
        var blue = await OpenAsync("blue", initialize: false);

        // Fresh store: every instance creates the schema at once, plus another cluster's version row.
        await Task.WhenAll(tables.Append(blue).Select(t => Task.Run(() => t.InitializeAsync(None))));
        var entry = Entry(TestCluster.NewAddress(), SiloStatus.Active);
        Assert.True(await tables[0].TryInsertAsync(entry, 0, None));
        await tables[1].InitializeAsync(None);
        await tables[0].InitializeAsync(None);

        var snapshot = await tables[2].ReadAllAsync(None);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(entry.Silo, Assert.Single(snapshot.Entries).Silo);
        Assert.Equal(0, (await blue.ReadAllAsync(None)).Version);
    }

    [Fact]
    public async Task A_table_used_without_InitializeAsync_creates_what_it_needs()
    {
        var table = await OpenAsync(initialize: false);

        Assert.True(await table.TryInsertAsync(Entry(TestCluster.NewAddress(), SiloStatus.Joining), 0, None));

        Assert.Equal(1, (await table.ReadAllAsync(None)).Version);
    }

    /// <summary>Separate instances for the durable tables (as separate processes would have), one shared in-memory table.</summary>
    private async Task<IMembershipTable[]> OpenManyAsync()
    {
        var tables = new IMembershipTable[Writers];
        for (var i = 0; i < Writers; i++) { tables[i] = await OpenAsync(); }
        return tables;
    }

    /// <summary>Starts all writers together on thread-pool threads.</summary>
    private static async Task<bool[]> RaceAsync(Func<int, Task<bool>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await write(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}
