using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Postgres;

/// <summary>Registers the PostgreSQL grain storage and reminder table on a silo.</summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Adds a named grain storage provider that keeps state in PostgreSQL.</summary>
    /// <remarks>The options are the named options <paramref name="name"/>, validated when the host starts.</remarks>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder, name, configure);
        return builder.AddGrainStorage(name, sp => new PostgresGrainStorage(sp.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(name)));
    }

    /// <summary>Keeps reminders in PostgreSQL (replaces any earlier reminder table).</summary>
    /// <remarks>The options are the unnamed <see cref="PostgresStorageOptions"/>, which no grain storage uses.</remarks>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder, Options.DefaultName, configure);
        return builder.UseReminderTable(sp => new PostgresReminderTable(sp.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(Options.DefaultName)));
    }

    private static void AddOptions(ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        builder.Services.AddOptions<PostgresStorageOptions>(name).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
    }
}
