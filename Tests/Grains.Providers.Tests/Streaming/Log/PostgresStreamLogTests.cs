namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>The contract against PostgreSQL, each test in a fresh database; every instance has its own connection pool.</summary>
public sealed class PostgresStreamLogTests(PostgresServer server) : StreamLogContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IStreamLog> CreateAsync() =>
        Task.FromResult<IStreamLog>(new PostgresStreamLog(new PostgresStorageOptions { ConnectionString = _connectionString }));
}
