using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>The options of a SQLite provider: configured, and validated when the host starts (naming the bad setting).</summary>
internal static class SqliteOptionsRegistration
{
    public static void Add(IServiceCollection services, string name, Action<SqliteStorageOptions> configure)
    {
        services.AddOptions<SqliteStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
    }
}
