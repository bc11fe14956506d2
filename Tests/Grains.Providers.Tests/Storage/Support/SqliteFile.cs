using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A class fixture: a database file in a temporary folder of its own, deleted with the folder afterwards.</summary>
public sealed class SqliteFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rayswarm-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteFile() => Directory.CreateDirectory(_folder);

    /// <summary>The database file shared by the tests of a class (not created yet).</summary>
    public string Path => System.IO.Path.Combine(_folder, "storage.db");

    /// <summary>Another database file in the same folder, for a test that needs one of its own.</summary>
    public string NewPath() => System.IO.Path.Combine(_folder, $"{Guid.NewGuid():N}.db");

    /// <summary>A connection of its own (outside the providers' pool and writer queue), as another process would have.</summary>
    public async Task<SqliteConnection> OpenForeignConnectionAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
