using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Postgres;

/// <summary>Keeps the stream log in PostgreSQL (cluster mode).</summary>
public static class PostgresStreamsExtensions
{
    /// <summary>Uses a PostgreSQL stream log; combine with <c>AddStreams</c>.</summary>
    public static ISiloBuilder UsePostgresStreamLog(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return builder.UseStreamLog(_ => new PostgresStreamLog(new PostgresStorageOptions { ConnectionString = connectionString }));
    }
}
