using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Orleans' ADO.NET membership table (and clients' gateway list) against our schema.</summary>
public sealed class PostgresMembershipContractTests(PostgresOrleansDatabase database) : IClassFixture<PostgresOrleansDatabase>, IDisposable
{
    private static readonly DateTime Epoch = MembershipEntries.Epoch;
    private readonly List<AdoNetSiloServices> _silos = [];

    public void Dispose()
    {
        foreach (var silo in _silos) { silo.Dispose(); }
    }

    [Fact]
    public async Task A_new_cluster_reads_as_version_zero_without_members()
    {
        var table = await OpenAsync(TestIds.New("cluster"));

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task Insert_needs_the_current_table_version_and_bumps_it()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        var initial = (await table.ReadAllAsync()).Version;
        var first = MembershipEntries.Create(11111, SiloStatus.Joining, Epoch);

        Assert.True(await table.InsertRowAsync(first, initial.Next()));
        // Another silo still holding the old version is refused.
        Assert.False(await table.InsertRowAsync(MembershipEntries.Create(22222, SiloStatus.Joining, Epoch), initial.Next()));

        var data = await table.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        var (stored, _) = Assert.Single(data.Members);
        Assert.Equal(first.SiloAddress, stored.SiloAddress);
        Assert.Equal(first.SiloName, stored.SiloName);
        Assert.Equal(first.HostName, stored.HostName);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(first.StartTime, stored.StartTime);
        Assert.Equal(first.IAmAliveTime, stored.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, stored.IAmAliveTime.Kind);
    }

    [Fact]
    public async Task Inserting_the_same_silo_twice_fails_and_leaves_the_version()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        var entry = MembershipEntries.Create(11111, SiloStatus.Joining, Epoch);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var version = (await table.ReadAllAsync()).Version;

        Assert.False(await table.InsertRowAsync(entry, version.Next()));

        Assert.Equal(version.Version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Update_needs_the_current_table_version_and_an_existing_row()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        var entry = MembershipEntries.Create(11111, SiloStatus.Joining, Epoch);
        var initial = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(entry, initial.Next()));
        var read = await table.ReadAllAsync();
        var current = read.Version;
        // The provider hands out the table version as every row's ETag, and checks the two agree before it asks.
        var etag = Assert.Single(read.Members).Item2;
        Assert.Equal(current.VersionEtag, etag);

        entry.Status = SiloStatus.Active;
        entry.IAmAliveTime = Epoch.AddMinutes(1);
        var suspecter = SiloAddress.New(System.Net.IPAddress.Loopback, 33333, 9);
        entry.SuspectTimes = [Tuple.Create(suspecter, Epoch.AddSeconds(30))];
        // Stale: both the version and its ETag are from before the insert.
        Assert.False(await table.UpdateRowAsync(entry, initial.VersionEtag, initial.Next()));
        Assert.True(await table.UpdateRowAsync(entry, etag, current.Next()));

        var row = await table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(current.Version + 1, row.Version.Version);
        var (stored, _) = Assert.Single(row.Members);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(Epoch.AddMinutes(1), stored.IAmAliveTime);
        Assert.NotNull(stored.SuspectTimes);
        var (suspect, at) = Assert.Single(stored.SuspectTimes);
        Assert.Equal(suspecter, suspect);
        Assert.Equal(Epoch.AddSeconds(30), at);

        // An unknown silo cannot be updated, and the failed attempt does not use up the version.
        var stranger = MembershipEntries.Create(44444, SiloStatus.Active, Epoch);
        var before = (await table.ReadAllAsync()).Version;
        Assert.False(await table.UpdateRowAsync(stranger, before.VersionEtag, before.Next()));
        Assert.Equal(before.Version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task ReadRow_of_an_unknown_silo_returns_the_version_and_no_member()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        Assert.True(await table.InsertRowAsync(MembershipEntries.Create(11111, SiloStatus.Active, Epoch), (await table.ReadAllAsync()).Version.Next()));

        var row = await table.ReadRowAsync(MembershipEntries.Create(22222, SiloStatus.Active, Epoch).SiloAddress);

        Assert.Empty(row.Members);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task UpdateIAmAlive_changes_only_the_heartbeat()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        var entry = MembershipEntries.Create(11111, SiloStatus.Active, Epoch);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var version = (await table.ReadAllAsync()).Version.Version;

        entry.IAmAliveTime = Epoch.AddMinutes(5);
        entry.Status = SiloStatus.Dead; // not written by a heartbeat
        await table.UpdateIAmAliveAsync(entry);

        var data = await table.ReadAllAsync();
        var (stored, _) = Assert.Single(data.Members);
        Assert.Equal(Epoch.AddMinutes(5), stored.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(version, data.Version.Version);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_deletes_only_dead_silos_silent_since_before_the_date()
    {
        var table = await OpenAsync(TestIds.New("cluster"));
        var deadLongAgo = MembershipEntries.Create(11111, SiloStatus.Dead, Epoch.AddHours(-2));
        var deadRecently = MembershipEntries.Create(22222, SiloStatus.Dead, Epoch);
        var aliveButQuiet = MembershipEntries.Create(33333, SiloStatus.Active, Epoch.AddHours(-2));
        foreach (var entry in (MembershipEntry[])[deadLongAgo, deadRecently, aliveButQuiet])
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Epoch.AddHours(-1)));

        var ports = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([22222, 33333], ports);
    }

    [Fact]
    public async Task DeleteMembershipTableEntries_removes_the_cluster_and_only_that_one()
    {
        var clusterId = TestIds.New("cluster");
        var table = await OpenAsync(clusterId);
        var other = await OpenAsync(TestIds.New("cluster"));
        Assert.True(await table.InsertRowAsync(MembershipEntries.Create(11111, SiloStatus.Active, Epoch), (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await other.InsertRowAsync(MembershipEntries.Create(11111, SiloStatus.Active, Epoch), (await other.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        var data = await table.ReadAllAsync();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.Single((await other.ReadAllAsync()).Members);
        // And the cluster can start over.
        await table.InitializeMembershipTableAsync(true);
        Assert.True(await table.InsertRowAsync(MembershipEntries.Create(11111, SiloStatus.Active, Epoch), (await table.ReadAllAsync()).Version.Next()));
    }

    [Fact]
    public async Task Clients_gateway_list_holds_the_proxy_endpoints_of_active_silos()
    {
        var clusterId = TestIds.New("cluster");
        var table = await OpenAsync(clusterId);
        var active = MembershipEntries.Create(11111, SiloStatus.Active, Epoch, proxyPort: 30001, generation: 5);
        var joining = MembershipEntries.Create(22222, SiloStatus.Joining, Epoch, proxyPort: 30002);
        var activeWithoutGateway = MembershipEntries.Create(33333, SiloStatus.Active, Epoch, proxyPort: 0);
        var dead = MembershipEntries.Create(44444, SiloStatus.Dead, Epoch, proxyPort: 30004);
        foreach (var entry in (MembershipEntry[])[active, joining, activeWithoutGateway, dead])
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = TestIds.New("service");
            })
            .UsePostgresClustering(database.ConnectionString));
        using var host = builder.Build();
        var gateways = host.Services.GetRequiredService<IGatewayListProvider>();
        await gateways.InitializeGatewayListProvider();

        var uri = Assert.Single(await gateways.GetGateways());
        Assert.Equal(SiloAddress.New(System.Net.IPAddress.Loopback, 30001, 5).ToGatewayUri(), uri);
    }

    private async Task<IMembershipTable> OpenAsync(string clusterId)
    {
        var services = new AdoNetSiloServices(database.ConnectionString, clusterId, TestIds.New("service"));
        _silos.Add(services);
        var table = services.Services.GetRequiredService<IMembershipTable>();
        await table.InitializeMembershipTableAsync(true);
        return table;
    }
}
