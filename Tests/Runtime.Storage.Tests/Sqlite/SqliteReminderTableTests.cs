using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against a real SQLite file (one per test class).</summary>
public sealed class SqliteReminderTableTests(SqliteFile file) : ReminderTableContract, IClassFixture<SqliteFile>
{
    protected override Task<IReminderTable> CreateTableAsync() =>
        Task.FromResult<IReminderTable>(new SqliteReminderTable(new SqliteStorageOptions { DatabasePath = file.Path }));
}
