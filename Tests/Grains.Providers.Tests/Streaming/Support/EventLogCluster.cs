using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>An in-process Orleans cluster with the event log streams on every silo, over one shared log store.</summary>
public sealed class EventLogCluster : IAsyncDisposable
{
    private EventLogCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    /// <summary>Fast retries and refreshes, so failures and late subscriptions show within a test's patience.</summary>
    public static void TestOptions(EventLogStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaxAttempts = 3;
        options.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        options.SubscriptionRefreshPeriod = TimeSpan.FromMilliseconds(250);
        options.PollPeriod = TimeSpan.FromMilliseconds(50);
        options.DeliveryTimeout = TimeSpan.FromSeconds(5);
    }

    public static async Task<EventLogCluster> StartAsync(short silos, Func<IServiceProvider, IStreamLog> log)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddEventLogStreams(TestOptions).UseEventLog(log);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                // A killed silo is declared dead within seconds, so its partitions move on while the test waits.
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new EventLogCluster(cluster);
    }

    /// <summary>The streams API of a silo (the first by default).</summary>
    public IEventStreams Streams(int silo = 0) => Cluster.Silos[silo].ServiceProvider.GetRequiredService<IEventStreams>();

    public GrainId Consumer(string key) => Client.GetGrain<IRecordingConsumer>(key).GetGrainId();

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
