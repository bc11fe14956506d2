using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace Rayswarm.Grains.Providers;

/// <summary>Registers the SQLite grain storage on a silo.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds a named grain storage provider that keeps state in a SQLite file: <c>[PersistentState("state", name)]</c>
    /// uses it. Its options are the named options <paramref name="name"/>, validated when the host starts; the schema is
    /// created when the silo starts.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        SqliteOptionsRegistration.Add(services, name, configure);
        services.TryAddSingleton(_ => new JsonGrainStateSerializer());
        // Keyed by name, and a silo lifecycle participant (AddGrainStorage registers it as one because the type is).
        services.AddGrainStorage(name, static (sp, key) => new SqliteGrainStorage(
            key,
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(key),
            sp.GetRequiredService<JsonGrainStateSerializer>(),
            sp.GetRequiredService<IActivatorProvider>()));
        return builder;
    }

    /// <summary>Adds the SQLite grain storage as the default provider (<c>[PersistentState("state")]</c> without a storage name).</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteStorageOptions> configure) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
