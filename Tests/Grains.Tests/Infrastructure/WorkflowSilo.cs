using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system and the test domains hosted as worker grains: "alpha", "beta", "gamma".
/// Grain state in memory by default, with the workflow index and the reviews in a SQLite file of a temporary folder deleted afterwards; on
/// a SQLite file (state, reminders and index) with a signing key file when <c>dataDir</c> is given. <c>services</c> changes
/// the services last (options, test domains, a decorated index store).</summary>
public sealed class WorkflowSilo : DomainSilo
{
    private WorkflowSilo(IHost host, string? temporary) : base(host, temporary) { }

    public static string DatabasePath(string dataDir) => Path.Combine(dataDir, "rayswarm.db");

    public static async Task<WorkflowSilo> StartAsync(string? dataDir = null, Action<IServiceCollection>? services = null)
    {
        var temporary = dataDir is null ? Directory.CreateTempSubdirectory("rayswarm-workflow-silo-").FullName : null;
        return new WorkflowSilo(await StartHostAsync(builder =>
        {
            builder.Services.AddDomainSystem();
            foreach (var domain in new[] { "alpha", "beta", "gamma" }) { builder.Services.AddDomainWorker<TestDomainGrain>(domain); }
            builder.Services.AddSqliteWorkflowIndex(DatabasePath(dataDir ?? temporary!));
            builder.Services.AddSqliteReviews(DatabasePath(dataDir ?? temporary!));
            if (dataDir is not null)
            {
                builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(dataDir, "signing-key.pem"));
            }
            services?.Invoke(builder.Services);
        }, silo =>
        {
            if (dataDir is null)
            {
                silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
                return;
            }
            silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = DatabasePath(dataDir))
                .UseSqliteReminderService(o => o.DatabasePath = DatabasePath(dataDir));
        }), temporary);
    }
}
