using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>Rejects <see cref="SqliteStorageOptions"/> that name no database, name two, or cannot be parsed.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = FindProblem(options);
        if (problem is null) { return ValidateOptionsResult.Success; }
        var owner = string.IsNullOrEmpty(name) ? "SQLite reminder table" : $"SQLite grain storage '{name}'";
        return ValidateOptionsResult.Fail($"{owner}: {problem}");
    }

    /// <summary>The first thing wrong with <paramref name="options"/>, or null.</summary>
    internal static string? FindProblem(SqliteStorageOptions options)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.DatabasePath);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (string.Equals(options.DatabasePath?.Trim(), ":memory:", StringComparison.Ordinal))
        {
            return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.DatabasePath)} must be a file, not :memory:; "
                + "use the in-memory providers (AddMemoryGrainStorage, UseInMemoryReminders) instead.";
        }

        if (!hasPath && !hasConnectionString)
        {
            return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.DatabasePath)} (the database file) or "
                + $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} must be set.";
        }

        if (hasPath && hasConnectionString)
        {
            return $"Set only one of {nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.DatabasePath)} and "
                + $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)}.";
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.BusyTimeout)} must be positive.";
        }

        if (hasConnectionString)
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} names no Data Source.";
                }

                // Each pooled connection to an in-memory database sees a database of its own: nothing would persist.
                if (builder.Mode == SqliteOpenMode.Memory || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal))
                {
                    return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} names an in-memory database; "
                        + "use the in-memory providers (AddMemoryGrainStorage, UseInMemoryReminders) instead.";
                }
            }
            catch (ArgumentException e)
            {
                return $"{nameof(SqliteStorageOptions)}.{nameof(SqliteStorageOptions.ConnectionString)} is not a valid connection string: {e.Message}";
            }
        }

        return null;
    }
}
