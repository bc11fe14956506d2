using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime.Membership;

namespace Rayswarm.Grains.Providers;

/// <summary>Orleans' ADO.NET clustering on PostgreSQL with our schema, for silos and clients.</summary>
public static class PostgresClusteringExtensions
{
    /// <summary>
    /// Keeps the silo's membership in PostgreSQL (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql"). The
    /// schema is applied at the start of the silo's lifecycle, so an empty database works.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="connectionString">An Npgsql connection string; without Maximum Pool Size the pool holds 10.</param>
    /// <param name="configure">Runs after ours, which set Invariant and DataSource (our pooled source for the string); set exactly one of DataSource and ConnectionString.</param>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString, Action<AdoNetClusteringSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgresAdoNetServices.ValidateConnectionString(connectionString);
        PostgresAdoNetServices.AddSchemaAtSiloStart(builder.Services, connectionString);
        return builder.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
            options.Configure<PostgresAdoNetDataSources>((o, sources) =>
            {
                o.Invariant = PostgresOrleansSchema.Invariant;
                o.DataSource = sources.Get(connectionString);
                configure?.Invoke(o);
            }));
    }

    /// <summary>
    /// Finds gateways from the silos' membership rows in PostgreSQL. The client applies the schema before its first
    /// read too (a no-op when it is current), so it may start before any silo.
    /// </summary>
    /// <param name="builder">The client.</param>
    /// <param name="connectionString">An Npgsql connection string; without Maximum Pool Size the pool holds 10.</param>
    /// <param name="configure">Runs after ours (see the silo overload).</param>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString, Action<AdoNetClusteringClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgresAdoNetServices.ValidateConnectionString(connectionString);
        PostgresAdoNetServices.AddDataSources(builder.Services);
        builder.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) =>
            options.Configure<PostgresAdoNetDataSources>((o, sources) =>
            {
                o.Invariant = PostgresOrleansSchema.Invariant;
                o.DataSource = sources.Get(connectionString);
                configure?.Invoke(o);
            }));
        builder.Services.Replace(ServiceDescriptor.Singleton<IGatewayListProvider>(services =>
            new PostgresAdoNetGatewayListProvider(ActivatorUtilities.CreateInstance<AdoNetGatewayListProvider>(services), connectionString)));
        return builder;
    }
}
