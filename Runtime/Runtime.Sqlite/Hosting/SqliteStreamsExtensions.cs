using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>Keeps the stream log in a SQLite file (embedded mode).</summary>
public static class SqliteStreamsExtensions
{
    /// <summary>Uses a SQLite stream log; combine with <c>AddStreams</c>.</summary>
    public static ISiloBuilder UseSqliteStreamLog(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteStorageOptions();
        configure(options);
        return builder.UseStreamLog(_ => new SqliteStreamLog(options));
    }
}
