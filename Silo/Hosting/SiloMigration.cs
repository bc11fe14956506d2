using Microsoft.Extensions.Configuration;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Silo;

/// <summary><c>Silo --migrate --postgres CS</c>: applies our PostgreSQL schema for Orleans' providers (membership, grain state,
/// reminders) and exits, for deployments that prepare the database before the silos start (a Kubernetes Job, compose).
/// Silos also apply it on first start; the domain system's own tables (event log, knowledge, workflow index) are created
/// by the silos on first use. Idempotent and safe to run while silos run.</summary>
internal static class SiloMigration
{
    public static bool IsAsked(IConfiguration configuration) =>
        string.Equals(configuration["Rayswarm:Migrate"], "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        if (configuration["Rayswarm:Postgres"] is not { Length: > 0 } postgres)
        {
            await Console.Error.WriteLineAsync("--migrate needs --postgres CONNECTION_STRING (a lone silo on SQLite creates its tables itself).");
            return 2;
        }
        await PostgresOrleansSchema.ApplyAsync(postgres);
        Console.WriteLine("schema applied");
        return 0;
    }
}
