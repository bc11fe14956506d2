namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Both silos on one in-memory log instance (one process).</summary>
public sealed class MemoryClusterFixture : ClusterFixture
{
    protected override Task<Func<IServiceProvider, IStreamLog>> CreateLogAsync()
    {
        var log = new MemoryStreamLog();
        return Task.FromResult<Func<IServiceProvider, IStreamLog>>(_ => log);
    }
}
