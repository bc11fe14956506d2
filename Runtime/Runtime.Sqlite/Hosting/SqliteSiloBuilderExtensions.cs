using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>Registers the SQLite grain storage and reminder table on a silo.</summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Adds a named grain storage provider that keeps state in a SQLite file.</summary>
    /// <remarks>The options are the named options <paramref name="name"/>, validated when the host starts.</remarks>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder, name, configure);
        return builder.AddGrainStorage(name, sp => new SqliteGrainStorage(sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name)));
    }

    /// <summary>Keeps reminders in a SQLite file (replaces any earlier reminder table).</summary>
    /// <remarks>The options are the unnamed <see cref="SqliteStorageOptions"/>, which no grain storage uses.</remarks>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder, Options.DefaultName, configure);
        return builder.UseReminderTable(sp => new SqliteReminderTable(sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(Options.DefaultName)));
    }

    private static void AddOptions(ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        builder.Services.AddOptions<SqliteStorageOptions>(name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
    }
}
