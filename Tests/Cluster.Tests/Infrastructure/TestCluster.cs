using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Several real silos in this process, talking over real TCP on loopback, sharing an in-memory membership table,
/// grain directory, grain storage and reminder table (the parts a database provides between processes).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<IHost?> _silos = [];

    public MemoryMembershipTable Membership { get; } = new("test-cluster");

    public MemoryGrainDirectory Directory { get; } = new();

    public MemoryGrainStorage Storage { get; } = new();

    public MemoryReminderTable Reminders { get; } = new();

    public static async Task<TestCluster> StartAsync(int silos = 3)
    {
        var cluster = new TestCluster();
        for (var i = 0; i < silos; i++) { await cluster.StartSiloAsync(); }
        return cluster;
    }

    public IReadOnlyList<IHost?> Silos => _silos;

    public async Task<int> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.UseSilo(silo => silo
            .UseClustering(c => c.ClusterId = "test-cluster", e => e.Port = 0)
            .UseInMemoryClustering(Membership, Directory)
            .AddGrainStorage(GrainStorageNames.Default, _ => Storage)
            .UseReminderTable(_ => Reminders));
        builder.Services.Configure<MembershipOptions>(o =>
        {
            o.ProbePeriod = TimeSpan.FromMilliseconds(200);
            o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
            o.TableRefreshPeriod = TimeSpan.FromMilliseconds(200);
            o.IAmAlivePeriod = TimeSpan.FromSeconds(1);
        });
        builder.Services.Configure<ReminderOptions>(o =>
        {
            o.MinimumPeriod = TimeSpan.FromMilliseconds(200);
            o.RefreshPeriod = TimeSpan.FromMilliseconds(500);
        });
        var host = builder.Build();
        await host.StartAsync();
        _silos.Add(host);
        var index = _silos.Count - 1;
        await Eventually.True(() => _silos.Where(s => s is not null).All(s => ActiveCount(s!) == _silos.Count(x => x is not null)), "every silo sees every silo active");
        return index;
    }

    private static int ActiveCount(IHost host) => host.Services.GetRequiredService<ClusterHostedService>().Membership!.ActiveSilos.Count;

    public IGrainFactory Grains(int silo) => _silos[silo]!.Services.GetRequiredService<IGrainFactory>();

    internal SiloRuntime Runtime(int silo) => _silos[silo]!.Services.GetRequiredService<SiloRuntime>();

    public string Address(int silo) => _silos[silo]!.Services.GetRequiredService<ILocalSiloDetails>().Address;

    /// <summary>Graceful stop: the silo hands its grains off and leaves.</summary>
    public async Task StopSiloAsync(int silo)
    {
        var host = _silos[silo]!;
        _silos[silo] = null;
        await host.StopAsync();
        host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _silos.Where(h => h is not null).Reverse())
        {
            await host!.StopAsync();
            host.Dispose();
        }
    }
}
