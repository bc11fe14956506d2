using Microsoft.Extensions.Options;
using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>Rejects <see cref="PostgresStorageOptions"/> without a usable connection string.</summary>
public sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    private const string Setting = $"{nameof(PostgresStorageOptions)}.{nameof(PostgresStorageOptions.ConnectionString)}";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = FindProblem(options);
        if (problem is null) { return ValidateOptionsResult.Success; }
        var owner = string.IsNullOrEmpty(name) ? "PostgreSQL reminder table" : $"PostgreSQL grain storage '{name}'";
        return ValidateOptionsResult.Fail($"{owner}: {problem}");
    }

    /// <summary>The first thing wrong with <paramref name="options"/>, or null.</summary>
    internal static string? FindProblem(PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return $"{Setting} must be set (for example \"Host=127.0.0.1;Port=5432;Username=rayswarm;Database=rayswarm\").";
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword; the string itself may hold a password, so it is not repeated.
            return $"{Setting} is not a valid connection string: {e.Message}";
        }

        return null;
    }
}
