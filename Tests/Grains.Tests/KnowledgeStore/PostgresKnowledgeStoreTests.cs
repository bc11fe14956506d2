
namespace Rayswarm.Grains.Tests;

/// <summary>The knowledge store contract against PostgreSQL, each test in a fresh database.</summary>
public sealed class PostgresKnowledgeStoreTests(PostgresServer server) : KnowledgeStoreContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IKnowledgeStore> CreateAsync() =>
        Task.FromResult<IKnowledgeStore>(new PostgresKnowledgeStore(new PostgresStorageOptions { ConnectionString = _connectionString }));
}
