using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>The contract against a real SQLite file, a new one for every test.</summary>
public sealed class SqliteMembershipTableTests(SqliteFile files) : MembershipTableContract, IClassFixture<SqliteFile>
{
    private readonly string _path = files.NewPath();

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId) =>
        Task.FromResult<IMembershipTable>(new SqliteMembershipTable(clusterId, new SqliteStorageOptions { DatabasePath = _path }));
}
