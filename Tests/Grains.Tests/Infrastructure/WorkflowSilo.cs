using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Grains.Interfaces;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system and the test domains hosted as worker grains: "alpha", "beta", "gamma".
/// In memory by default; on a SQLite file (state and reminders) with a signing key file when <c>dataDir</c> is given.</summary>
public sealed class WorkflowSilo : IAsyncDisposable
{
    private WorkflowSilo(IHost host) => Host = host;

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
        return new WorkflowSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
