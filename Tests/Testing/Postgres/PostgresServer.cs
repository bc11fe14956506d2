using System.Collections.Concurrent;
using Npgsql;

namespace Rayswarm.Testing;

/// <summary>
/// An xunit class or collection fixture that hands out fresh PostgreSQL databases, so tests never share tables.
/// All fixtures of a test process use one server (<see cref="SharedPostgres"/>); disposing a fixture drops its databases.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _databases = new();
    private string? _adminConnectionString;

    /// <summary>A connection string to the server's admin database (after <see cref="InitializeAsync"/>).</summary>
    public string AdminConnectionString =>
        _adminConnectionString ?? throw new InvalidOperationException($"{nameof(PostgresServer)} is not initialized yet.");

    /// <summary>Starts the shared server if this process has none yet.</summary>
    public async Task InitializeAsync() => _adminConnectionString = await SharedPostgres.GetAdminConnectionStringAsync();

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var admin = _adminConnectionString ??= await SharedPostgres.GetAdminConnectionStringAsync();
        var name = "rayswarm_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            // Identifiers cannot be parameters; the name is ours (letters, digits, underscores).
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        _databases.Enqueue(name);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the databases this fixture created (the server itself stops with the process).</summary>
    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null || _databases.IsEmpty) { return; }
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        while (_databases.TryDequeue(out var name))
        {
            // FORCE ends sessions still open in the providers' pools.
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
