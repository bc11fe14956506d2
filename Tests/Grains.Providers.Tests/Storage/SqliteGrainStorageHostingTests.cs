using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The silo builder extensions of the SQLite grain storage.</summary>
public sealed class SqliteGrainStorageHostingTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public void AddSqliteGrainStorage_registers_a_keyed_provider_that_takes_part_in_the_silo_lifecycle()
    {
        using var host = TestSilo.Build(silo => silo.AddSqliteGrainStorage("main", o => o.DatabasePath = file.Path));

        var storage = Assert.IsType<SqliteGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("main"));

        Assert.Contains(storage, host.Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>());
        Assert.Null(host.Services.GetKeyedService<IGrainStorage>("Default"));
    }

    [Fact]
    public void AddSqliteGrainStorageAsDefault_registers_the_default_provider()
    {
        using var host = TestSilo.Build(silo => silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = file.Path));

        var storage = Assert.IsType<SqliteGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("Default"));

        Assert.Same(storage, host.Services.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public async Task A_silo_creates_the_schema_when_it_starts()
    {
        var path = file.NewPath();
        var host = await TestSilo.StartAsync(silo => silo.AddSqliteGrainStorage("main", o => o.DatabasePath = path));
        try
        {
            await using var connection = await file.OpenForeignConnectionAsync(path);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'grain_state'";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
        finally
        {
            await TestSilo.StopAsync(host);
            SqliteConnection.ClearAllPools();
        }
    }

    [Theory]
    [InlineData(null, null, "SqliteStorageOptions.DatabasePath")]
    [InlineData(":memory:", null, "SqliteStorageOptions.DatabasePath")]
    [InlineData(null, "Data Source=:memory:", "SqliteStorageOptions.ConnectionString")]
    [InlineData("a.db", "Data Source=b.db", "only one")]
    public async Task A_silo_whose_storage_options_name_no_usable_database_fails_at_start_naming_the_setting(
        string? path, string? connectionString, string named)
    {
        using var host = TestSilo.Build(silo => silo.AddSqliteGrainStorage("main", o =>
        {
            o.DatabasePath = path;
            o.ConnectionString = connectionString;
        }));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SQLite grain storage 'main'", e.Message, StringComparison.Ordinal);
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
