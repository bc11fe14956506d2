using Microsoft.Data.Sqlite;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>A class fixture: a temporary folder for database files, deleted afterwards.</summary>
public sealed class SqliteFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rayswarm-membership-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteFile() => Directory.CreateDirectory(_folder);

    /// <summary>A database file in the folder, not created yet.</summary>
    public string NewPath() => System.IO.Path.Combine(_folder, $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
