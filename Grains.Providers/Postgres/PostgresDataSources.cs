using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Creates the connection pools of the providers. A silo has several (state, reminders, membership, directory, streams),
/// and a cluster many silos, so each pool is small unless the connection string sets <c>Maximum Pool Size</c> itself.
/// </summary>
internal static class PostgresDataSources
{
    /// <summary>The pool size used when the connection string does not set one.</summary>
    public const int DefaultMaxPoolSize = 10;

    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
