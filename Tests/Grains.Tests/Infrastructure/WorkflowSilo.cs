using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system and the test domains hosted as worker grains: "alpha", "beta", "gamma".
/// Grain state in memory by default, with the workflow index in a SQLite file of a temporary folder deleted afterwards; on
/// a SQLite file (state, reminders and index) with a signing key file when <c>dataDir</c> is given.</summary>
public sealed class WorkflowSilo : IAsyncDisposable
{
    private readonly string? _temporary;

    private WorkflowSilo(IHost host, string? temporary)
    {
        Host = host;
        _temporary = temporary;
    }

    public IHost Host { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public IWorkflowsGrain Workflows => Grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);

    public static string DatabasePath(string dataDir) => Path.Combine(dataDir, "rayswarm.db");

    public static async Task<WorkflowSilo> StartAsync(string? dataDir = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDomainSystem();
        foreach (var domain in new[] { "alpha", "beta", "gamma" }) { builder.Services.AddDomainWorker<TestDomainGrain>(domain); }
        var temporary = dataDir is null ? Directory.CreateTempSubdirectory("rayswarm-workflow-silo-").FullName : null;
        builder.Services.AddSqliteWorkflowIndex(DatabasePath(dataDir ?? temporary!));
        if (dataDir is not null)
        {
            builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(dataDir, "signing-key.pem"));
        }
        builder.UseSilo(silo =>
        {
            if (dataDir is null)
            {
                silo.AddMemoryGrainStorage();
                return;
            }
            silo.AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = DatabasePath(dataDir))
                .UseSqliteReminders(o => o.DatabasePath = DatabasePath(dataDir));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new WorkflowSilo(host, temporary);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (_temporary is not null)
        {
            SqliteConnection.ClearAllPools(); // pooled connections keep the file open
            Directory.Delete(_temporary, recursive: true);
        }
    }
}
