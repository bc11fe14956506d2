using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>Applies <see cref="PostgresOrleansSchema"/> to every configured database before any provider starts.</summary>
internal sealed class PostgresAdoNetSchemaParticipant(
    IOptions<PostgresAdoNetSchemaTargets> targets,
    ILogger<PostgresAdoNetSchemaParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(PostgresAdoNetSchemaParticipant), PostgresOrleansSchema.SiloLifecycleStage, ApplyAsync);
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        foreach (var connectionString in targets.Value.ConnectionStrings)
        {
            await PostgresOrleansSchema.ApplyAsync(connectionString, cancellationToken);
            var where = new NpgsqlConnectionStringBuilder(connectionString);
            logger.LogInformation("Orleans PostgreSQL schema is current in database {Database} on {Host}", where.Database, where.Host);
        }
    }
}
