using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The silo builder extensions of the PostgreSQL providers.</summary>
public sealed class PostgresHostingTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task AddPostgresGrainStorage_and_UsePostgresReminders_register_working_providers()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var silo = new TestSiloBuilder();
        silo.AddPostgresGrainStorage("Main", o => o.ConnectionString = connectionString);
        silo.UsePostgresReminders(o => o.ConnectionString = connectionString);
        await using var services = silo.Services.BuildServiceProvider();

        var storage = Assert.IsType<PostgresGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("Main"));
        var table = Assert.IsType<PostgresReminderTable>(services.GetRequiredService<IReminderTable>());
        await table.InitializeAsync(CancellationToken.None);
        var grain = TestGrains.Unique();
        var etag = await storage.WriteAsync(grain, "state", "{}", null, CancellationToken.None);

        Assert.Equal(etag, (await storage.ReadAsync(grain, "state", CancellationToken.None))?.ETag);
        Assert.Empty(await table.ReadAsync(grain, CancellationToken.None));
    }

    [Fact]
    public async Task A_host_with_reminders_but_no_connection_string_fails_at_start_naming_the_setting()
    {
        var host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        new TestSiloBuilder(host.Services, host.Configuration).UsePostgresReminders(_ => { });
        using var app = host.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PostgresStorageOptions.ConnectionString", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_connection_string_is_rejected_without_repeating_it()
    {
        var result = new PostgresStorageOptionsValidator().Validate("Main", new PostgresStorageOptions { ConnectionString = "Hots=db;Password=secret" });

        Assert.True(result.Failed);
        Assert.Contains("PostgresStorageOptions.ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }
}
