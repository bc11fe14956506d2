using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The silo builder extensions of the SQLite providers.</summary>
public sealed class SqliteHostingTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task AddSqliteGrainStorage_registers_a_working_named_provider()
    {
        var silo = new TestSiloBuilder();
        silo.AddSqliteGrainStorage("Main", o => o.DatabasePath = file.Path);
        await using var services = silo.Services.BuildServiceProvider();

        var storage = Assert.IsType<SqliteGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("Main"));
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, "state", "{}", null, CancellationToken.None);

        Assert.Equal(etag, (await storage.ReadAsync(grain, "state", CancellationToken.None))?.ETag);
    }

    [Fact]
    public async Task UseSqliteReminders_registers_a_working_table()
    {
        var silo = new TestSiloBuilder();
        silo.AddSqliteGrainStorage("Main", o => o.DatabasePath = file.NewPath());
        silo.UseSqliteReminders(o => o.ConnectionString = $"Data Source={file.Path}");
        await using var services = silo.Services.BuildServiceProvider();

        var table = Assert.IsType<SqliteReminderTable>(services.GetRequiredService<IReminderTable>());
        await table.InitializeAsync(CancellationToken.None);

        Assert.Empty(await table.ReadAsync(TestGrains.Unique(), CancellationToken.None));
    }

    [Fact]
    public async Task A_host_with_a_storage_that_names_no_database_fails_at_start_naming_the_setting()
    {
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new TestSiloBuilder(host.Services, host.Configuration).AddSqliteGrainStorage("Main", _ => { });
        using var app = host.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("SqliteStorageOptions.DatabasePath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_naming_both_a_path_and_a_connection_string_are_rejected()
    {
        var result = new SqliteStorageOptionsValidator().Validate("Main", new SqliteStorageOptions { DatabasePath = "a.db", ConnectionString = "Data Source=b.db" });

        Assert.True(result.Failed);
        Assert.Contains("only one", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":memory:", null)]
    [InlineData(null, "Data Source=:memory:")]
    [InlineData(null, "Data Source=shared;Mode=Memory;Cache=Shared")]
    public void Options_naming_an_in_memory_database_are_rejected(string? path, string? connectionString)
    {
        var result = new SqliteStorageOptionsValidator().Validate("Main", new SqliteStorageOptions { DatabasePath = path, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("SQLite grain storage 'Main'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("in-memory", result.FailureMessage, StringComparison.Ordinal);
    }
}
