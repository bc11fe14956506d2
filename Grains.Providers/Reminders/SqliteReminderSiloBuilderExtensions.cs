using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>Registers the SQLite reminder table on a silo.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>
    /// Adds Orleans' reminder service with its reminders in a SQLite file (replacing an earlier reminder table). The
    /// options are the unnamed <see cref="SqliteStorageOptions"/> (no grain storage uses them), validated when the host
    /// starts; the schema is created when the reminder service starts.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddReminders();
        var services = builder.Services;
        SqliteOptionsRegistration.Add(services, Options.DefaultName, configure);
        services.AddSingleton<IReminderTable>(static sp => new SqliteReminderTable(sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value));
        return builder;
    }
}
