
namespace Rayswarm.Grains.Tests;

/// <summary>The workflow index contract against PostgreSQL, each test in a fresh database.</summary>
public sealed class PostgresWorkflowIndexStoreTests(PostgresServer server) : WorkflowIndexStoreContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IWorkflowIndexStore> CreateAsync() =>
        Task.FromResult<IWorkflowIndexStore>(new PostgresWorkflowIndexStore(new PostgresStorageOptions { ConnectionString = _connectionString }));
}
