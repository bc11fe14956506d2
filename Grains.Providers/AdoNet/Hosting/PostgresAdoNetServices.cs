using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>Registrations the hosting extensions share.</summary>
internal static class PostgresAdoNetServices
{
    /// <summary>The shared data sources, and (for silos) the step that applies the schema to this database at start.</summary>
    public static void AddSchemaAtSiloStart(IServiceCollection services, string connectionString)
    {
        AddDataSources(services);
        services.Configure<PostgresAdoNetSchemaTargets>(targets => targets.ConnectionStrings.Add(connectionString));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, PostgresAdoNetSchemaParticipant>());
    }

    public static void AddDataSources(IServiceCollection services) => services.TryAddSingleton<PostgresAdoNetDataSources>();

    /// <summary>Throws if <paramref name="connectionString"/> is empty or not an Npgsql connection string.</summary>
    public static void ValidateConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword; the string itself may hold a password, so it is not repeated.
            throw new ArgumentException($"Not a valid Npgsql connection string: {e.Message}", nameof(connectionString), e);
        }
    }
}
