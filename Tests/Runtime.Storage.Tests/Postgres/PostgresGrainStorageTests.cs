using Microsoft.Extensions.Options;
using Npgsql;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against PostgreSQL, each test in a fresh database, plus what only PostgreSQL has.</summary>
public sealed class PostgresGrainStorageTests(PostgresServer server) : GrainStorageContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IGrainStorage> CreateStorageAsync() =>
        Task.FromResult<IGrainStorage>(new PostgresGrainStorage(new PostgresStorageOptions { ConnectionString = _connectionString }));

    protected override Task InitializeSchemaAsync(IGrainStorage storage) => ((PostgresGrainStorage)storage).InitializeAsync(CancellationToken.None);

    [Fact]
    public async Task State_is_stored_as_jsonb()
    {
        await using var storage = new PostgresGrainStorage(new PostgresStorageOptions { ConnectionString = _connectionString });
        await storage.WriteAsync(TestGrains.Unique(), "state", """{"b": 1,   "a": [true]}""", null, CancellationToken.None);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_typeof(data)::text, data->'a'->>0 FROM grain_state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("jsonb", reader.GetString(0));
        Assert.Equal("true", reader.GetString(1));
    }

    [Fact]
    public void Options_without_a_connection_string_are_rejected_naming_the_setting()
    {
        var e = Assert.Throws<OptionsValidationException>(() => new PostgresGrainStorage(new PostgresStorageOptions()));

        Assert.Contains("PostgresStorageOptions.ConnectionString", e.Message, StringComparison.Ordinal);
    }
}
