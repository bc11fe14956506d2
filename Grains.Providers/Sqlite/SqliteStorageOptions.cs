namespace Rayswarm.Grains.Providers;

/// <summary>Where the SQLite grain storage and reminder table keep their rows.</summary>
/// <remarks>Set exactly one of <see cref="DatabasePath"/> and <see cref="ConnectionString"/>.</remarks>
public sealed record SqliteStorageOptions
{
    /// <summary>Path of the database file; the file and its folder are created when missing. No default.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>A Microsoft.Data.Sqlite connection string, for settings beyond the file path. No default.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a command waits while another connection or process holds the write lock. Default: 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
