namespace Rayswarm.Grains.Tests;

/// <summary>The review store contract against PostgreSQL, each test in a fresh database.</summary>
public sealed class PostgresReviewStoreTests(PostgresServer server) : ReviewStoreContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IReviewStore> CreateAsync() =>
        Task.FromResult<IReviewStore>(new PostgresReviewStore(new PostgresStorageOptions { ConnectionString = _connectionString }));
}
