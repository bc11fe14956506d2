using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Orleans.TestingHost;

namespace Rayswarm.Cluster.Tests;

/// <summary>Orleans' in-process test clusters (in-memory transport and membership) with the grain storage ("Default") and the
/// reminder table shared by all their silos, reminders allowed down to 100 ms, and our clusters' timings and call behaviour
/// (<see cref="ClusterTimings"/>).</summary>
public static class InProcessClusters
{
    public static async Task<InProcessTestCluster> StartAsync(int silos)
    {
        var storage = new SharedGrainStorage();
        var reminders = new SharedReminderTable();
        var builder = new InProcessTestClusterBuilder((short)silos);
        // The domain system's contracts are in the grain manifest (this assembly references them): their codecs too.
        builder.ConfigureClient(client => client.UseClusterTimings().Services.AddSerializer(s => s.AddDomainSerialization()));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseClusterTimings();
            silo.Services.AddSerializer(s => s.AddDomainSerialization());
            silo.Services.AddKeyedSingleton<IGrainStorage>("Default", storage);
            silo.Services.AddSingleton<IGrainStorage>(storage); // grains that name no storage get the unkeyed one
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(reminders);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100));
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            await cluster.WaitForLivenessToStabilizeAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The grain factory of a silo: calls made in that silo, as its grains make them.</summary>
    public static IGrainFactory Grains(this InProcessSiloHandle silo) => silo.ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address as grains report it (<see cref="TestGrains.CounterGrain.SiloName"/>).</summary>
    public static string Address(this InProcessSiloHandle silo) => silo.SiloAddress.ToParsableString();
}
