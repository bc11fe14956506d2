namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>The contract against the in-memory log (one instance: a "restart" keeps it).</summary>
public sealed class MemoryStreamLogTests : StreamLogContract
{
    private readonly MemoryStreamLog _log = new();

    protected override Task<IStreamLog> CreateAsync() => Task.FromResult<IStreamLog>(_log);
}
