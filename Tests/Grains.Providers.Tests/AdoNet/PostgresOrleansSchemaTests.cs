using Npgsql;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

public sealed class PostgresOrleansSchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    /// <summary>Every key the 10.4.2 providers read from OrleansQuery (DeleteStorageKey only with DeleteStateOnClear).</summary>
    private static readonly string[] ExpectedKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey",
        "UpdateMembershipKey",
        "ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "ReadReminderRowsKey", "UpsertReminderRowKey",
    ];

    [Fact]
    public async Task ApplyAsync_installs_every_query_key_the_providers_read()
    {
        var connectionString = await server.CreateDatabaseAsync();

        await PostgresOrleansSchema.ApplyAsync(connectionString);

        // Read the way the providers do: unquoted names.
        var keys = await ReadKeysAsync(connectionString);
        Assert.Equal(ExpectedKeys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task ApplyAsync_twice_succeeds_and_changes_nothing()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await PostgresOrleansSchema.ApplyAsync(connectionString);
        var firstApplied = await ScalarAsync<DateTime>(connectionString, "SELECT applied_at FROM orleans_schema");

        await PostgresOrleansSchema.ApplyAsync(connectionString);

        Assert.Equal(firstApplied, await ScalarAsync<DateTime>(connectionString, "SELECT applied_at FROM orleans_schema"));
        Assert.Equal(ExpectedKeys.Length, (await ReadKeysAsync(connectionString)).Count);
    }

    [Fact]
    public async Task ApplyAsync_runs_its_whole_script_again_over_an_existing_schema()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await PostgresOrleansSchema.ApplyAsync(connectionString);
        // Forget the fingerprint (as an older build would have left it) and break a query text: the next apply must
        // re-run every CREATE without failing on what exists, and put the query back.
        await ScalarAsync<int>(connectionString, """
            WITH forgotten AS (DELETE FROM orleans_schema RETURNING 1),
                 broken AS (UPDATE OrleansQuery SET QueryText = 'broken' WHERE QueryKey = 'ReadFromStorageKey' RETURNING 1)
            SELECT (SELECT count(*)::int FROM forgotten) + (SELECT count(*)::int FROM broken)
            """);

        await PostgresOrleansSchema.ApplyAsync(connectionString);

        var text = await ScalarAsync<string>(connectionString, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'");
        Assert.Contains("orleans_grain_state_read", text, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM orleans_schema"));
    }

    [Fact]
    public async Task Concurrent_ApplyAsync_calls_on_an_empty_database_all_succeed()
    {
        var connectionString = await server.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresOrleansSchema.ApplyAsync(connectionString)))).Within();

        Assert.Equal(ExpectedKeys.Length, (await ReadKeysAsync(connectionString)).Count);
    }

    [Fact]
    public async Task ApplyAsync_rejects_a_missing_connection_string()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresOrleansSchema.ApplyAsync(" "));
    }

    private static async Task<List<string>> ReadKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(reader.GetString(reader.GetOrdinal("QueryText"))));
            keys.Add(reader.GetString(reader.GetOrdinal("QueryKey")));
        }

        return keys;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
