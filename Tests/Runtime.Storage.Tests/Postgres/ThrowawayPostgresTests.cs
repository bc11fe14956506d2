using Npgsql;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The test fixtures themselves: a private server starts, serves, and leaves nothing behind; databases are fresh.</summary>
public sealed class ThrowawayPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_throwaway_server_listens_on_loopback_and_is_removed_on_dispose()
    {
        var postgres = await ThrowawayPostgres.StartAsync();
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || ' ' || current_setting('fsync')", connection);
            Assert.Equal("127.0.0.1 off", await command.ExecuteScalarAsync());
        }
        finally
        {
            await postgres.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }

        Assert.False(Directory.Exists(postgres.Directory));
    }

    [Fact]
    public async Task Each_created_database_is_new_and_empty()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);
        await using var connection = new NpgsqlConnection(second);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
