using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>The contract against a real SQLite file, a new one for every test.</summary>
public sealed class SqliteStreamLogTests(SqliteStreamLogTests.Folder folder) : StreamLogContract, IClassFixture<SqliteStreamLogTests.Folder>
{
    private readonly string _path = folder.NewPath();

    protected override Task<IStreamLog> CreateAsync() =>
        Task.FromResult<IStreamLog>(new SqliteStreamLog(new SqliteStorageOptions { DatabasePath = _path }));

    /// <summary>A temporary folder for this class's database files, deleted afterwards.</summary>
    public sealed class Folder : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "rayswarm-streamlog-" + Guid.NewGuid().ToString("N")[..12]);

        public Folder() => Directory.CreateDirectory(_folder);

        public string NewPath() => Path.Combine(_folder, $"{Guid.NewGuid():N}.db");

        public void Dispose()
        {
            // Pooled connections keep the files open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
