using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Puts the domain system on an Orleans silo and chooses where its durable state lives: one SQLite file (embedded)
/// or PostgreSQL (a cluster). Hosts (the embedded gateway, the Silo executable, tests, benchmarks) call these.</summary>
public static class DomainSiloBuilderExtensions
{
    /// <summary>The domain system's grains and services, the serializers of its contracts, and the silo's readiness
    /// (<see cref="ProbeEndpoints"/>).</summary>
    public static ISiloBuilder AddDomainSystem(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddDomainSystem();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, SiloReadiness>());
        silo.Services.AddSerializer(s => s.AddDomainSerialization());
        return silo;
    }

    /// <summary>Everything durable in the SQLite file <paramref name="databasePath"/>: grain state ("Default"), reminders, the
    /// event log (the streams), the shared memory's knowledge, the workflow index and the reviews.</summary>
    public static ISiloBuilder UseSqliteDatabase(this ISiloBuilder silo, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = databasePath)
            .UseSqliteReminderService(o => o.DatabasePath = databasePath)
            .AddEventLogStreams()
            .UseSqliteEventLog(databasePath);
        silo.Services.AddSqliteKnowledgeStore(databasePath);
        silo.Services.AddSqliteWorkflowIndex(databasePath);
        silo.Services.AddSqliteReviews(databasePath);
        return silo;
    }

    /// <summary>A cluster member on the PostgreSQL database of <paramref name="connectionString"/>: membership, grain state
    /// ("Default"), reminders, the event log, knowledge, the workflow index and the reviews. The schema is applied on first start.</summary>
    public static ISiloBuilder UsePostgresDatabase(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.UsePostgresClustering(connectionString)
            .AddPostgresGrainStorageAsDefault(connectionString, o => o.GrainStorageSerializer = new JsonGrainStateSerializer())
            .UsePostgresReminders(connectionString)
            .AddEventLogStreams()
            .UsePostgresEventLog(connectionString);
        silo.Services.AddPostgresKnowledgeStore(connectionString);
        silo.Services.AddPostgresWorkflowIndex(connectionString);
        silo.Services.AddPostgresReviews(connectionString);
        return silo;
    }
}
