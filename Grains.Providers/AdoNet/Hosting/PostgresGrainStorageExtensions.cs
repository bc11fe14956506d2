using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers;

/// <summary>Orleans' ADO.NET grain storage on PostgreSQL with our schema.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>
    /// Adds a named grain storage over PostgreSQL (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql"), keyed by
    /// the whole grain id. The schema is applied at the start of the silo's lifecycle, so an empty database works.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="name">The storage name grains refer to (e.g. in [PersistentState("state", name)]).</param>
    /// <param name="connectionString">An Npgsql connection string; without Maximum Pool Size the pool holds 10.</param>
    /// <param name="configure">
    /// Runs after ours, which set Invariant and DataSource. The hook for the state format: set
    /// <see cref="AdoNetGrainStorageOptions.GrainStorageSerializer"/>; left null, Orleans takes the
    /// <see cref="IGrainStorageSerializer"/> registered under this storage's name (keyed), else the container's default
    /// (Orleans' Newtonsoft-based JsonGrainStorageSerializer unless e.g. UseSystemTextJsonGrainStorageSerializer or
    /// another registration replaces it). Also DeleteStateOnClear, InitStage.
    /// </param>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, string connectionString, Action<AdoNetGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PostgresAdoNetServices.ValidateConnectionString(connectionString);
        PostgresAdoNetServices.AddSchemaAtSiloStart(builder.Services, connectionString);
        builder.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<PostgresAdoNetDataSources>((o, sources) =>
            {
                o.Invariant = PostgresOrleansSchema.Invariant;
                o.DataSource = sources.Get(connectionString);
                configure?.Invoke(o);
            }));
        // Registered after the provider's own: the last keyed registration wins, and the lifecycle participant and
        // default-storage registrations the provider added resolve the storage by name, so they get this one.
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) =>
            new PostgresAdoNetGrainStorage(AdoNetGrainStorageFactory.Create(services, (string)key!)));
        return builder;
    }

    /// <summary>
    /// <see cref="AddPostgresGrainStorage"/> under the default storage name, used by grains that name none.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder builder, string connectionString, Action<AdoNetGrainStorageOptions>? configure = null) =>
        builder.AddPostgresGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, connectionString, configure);
}
