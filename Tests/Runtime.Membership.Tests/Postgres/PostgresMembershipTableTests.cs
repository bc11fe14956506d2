using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>The contract against PostgreSQL, each test in a fresh database.</summary>
public sealed class PostgresMembershipTableTests(PostgresServer server) : MembershipTableContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId) =>
        Task.FromResult<IMembershipTable>(new PostgresMembershipTable(clusterId, new PostgresStorageOptions { ConnectionString = _connectionString }));
}
