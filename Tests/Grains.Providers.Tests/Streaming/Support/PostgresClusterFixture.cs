namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Both silos on one fresh PostgreSQL database.</summary>
public sealed class PostgresClusterFixture : ClusterFixture
{
    private readonly PostgresServer _server = new();

    protected override async Task<Func<IServiceProvider, IStreamLog>> CreateLogAsync()
    {
        await _server.InitializeAsync();
        var connectionString = await _server.CreateDatabaseAsync();
        return _ => new PostgresStreamLog(new PostgresStorageOptions { ConnectionString = connectionString });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _server.DisposeAsync();
    }
}
