using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Silo;

/// <summary>Builds the silo from configuration: PostgreSQL (Rayswarm:Postgres) means a cluster member; otherwise one silo on SQLite.</summary>
internal static class SiloConfiguration
{
    public static IHostApplicationBuilder AddSiloFromConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, SiloCommandLine.Switches);
        var configuration = builder.Configuration;
        foreach (var path in (configuration["Rayswarm:GrainAssembly"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            // Extra grain classes (domain modules, test grains): loaded before the registry first looks.
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            GrainCodeRegistry.Shared.Load(assembly);
        }
        var postgres = configuration["Rayswarm:Postgres"];
        builder.Services.AddDomainSystem();
        var dataDir = Path.GetFullPath(configuration["data-dir"] is { Length: > 0 } dir ? dir : "data");
        // Workflow proofs: every silo of a cluster derives the same key from the shared secret; a lone silo keeps one in its data dir.
        builder.Services.AddWorkflowSigning(o =>
        {
            o.ClusterSecret = configuration["Rayswarm:Cluster:Secret"];
            o.KeyFile = Path.Combine(dataDir, "signing-key.pem");
        });
        builder.UseSilo(silo =>
        {
            if (string.IsNullOrEmpty(postgres))
            {
                var database = Path.Combine(dataDir, "rayswarm.db");
                Directory.CreateDirectory(Path.GetDirectoryName(database)!);
                silo.AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = database)
                    .UseSqliteReminders(o => o.DatabasePath = database)
                    .AddStreams()
                    .UseSqliteStreamLog(o => o.DatabasePath = database);
                silo.Services.AddSqliteKnowledgeStore(database);
                silo.Services.AddSqliteWorkflowIndex(database);
                return;
            }
            silo.UseClustering()
                .UsePostgresClustering(postgres)
                .AddPostgresGrainStorage(GrainStorageNames.Default, o => o.ConnectionString = postgres)
                .UsePostgresReminders(o => o.ConnectionString = postgres)
                .AddStreams()
                .UsePostgresStreamLog(postgres);
            silo.Services.AddPostgresKnowledgeStore(postgres);
            silo.Services.AddPostgresWorkflowIndex(postgres);
        });
        return builder;
    }

    /// <summary>Prints "silo-ready ADDRESS" on standard output once the silo serves (scripts and tests wait for it).</summary>
    public static void ReportWhenStarted(this IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var details = host.Services.GetRequiredService<ILocalSiloDetails>();
        lifetime.ApplicationStarted.Register(() => Console.WriteLine($"silo-ready {details.Address}"));
    }
}
