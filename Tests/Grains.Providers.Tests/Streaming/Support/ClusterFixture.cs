namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>A two-silo cluster shared by a test class (tests keep apart by using namespaces of their own).</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private EventLogCluster? _cluster;

    public EventLogCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>How each silo opens the shared store.</summary>
    protected abstract Task<Func<IServiceProvider, IStreamLog>> CreateLogAsync();

    public async Task InitializeAsync() => _cluster = await EventLogCluster.StartAsync(2, await CreateLogAsync());

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null) { await _cluster.DisposeAsync(); }
    }
}
