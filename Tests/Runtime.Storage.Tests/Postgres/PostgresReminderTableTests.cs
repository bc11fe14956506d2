using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against PostgreSQL, each test in a fresh database.</summary>
public sealed class PostgresReminderTableTests(PostgresServer server) : ReminderTableContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(new PostgresReminderTable(new PostgresStorageOptions { ConnectionString = _connectionString }));
}
