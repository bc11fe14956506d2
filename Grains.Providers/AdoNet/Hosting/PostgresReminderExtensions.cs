using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Rayswarm.Grains.Providers;

/// <summary>Orleans' ADO.NET reminder table on PostgreSQL with our schema.</summary>
public static class PostgresReminderExtensions
{
    /// <summary>
    /// Keeps reminders in PostgreSQL (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql"); also adds the reminder
    /// service. The schema is applied at the start of the silo's lifecycle, so an empty database works.
    /// </summary>
    /// <param name="builder">The silo.</param>
    /// <param name="connectionString">An Npgsql connection string; without Maximum Pool Size the pool holds 10.</param>
    /// <param name="configure">Runs after ours, which set Invariant and DataSource; set exactly one of DataSource and ConnectionString.</param>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, string connectionString, Action<AdoNetReminderTableOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgresAdoNetServices.ValidateConnectionString(connectionString);
        PostgresAdoNetServices.AddSchemaAtSiloStart(builder.Services, connectionString);
        return builder.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
            options.Configure<PostgresAdoNetDataSources>((o, sources) =>
            {
                o.Invariant = PostgresOrleansSchema.Invariant;
                o.DataSource = sources.Get(connectionString);
                configure?.Invoke(o);
            }));
    }
}
