using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Hosts a silo in a generic or web host.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds a silo to the host: the grain runtime (<see cref="IGrainFactory"/> in DI), idle collection, reminders,
    /// and options bound from the <c>Rayswarm</c> configuration section and validated at start.
    /// Defaults: in-memory reminders unless a reminder table is chosen; no grain storage unless one is added.
    /// </summary>
    public static IHostApplicationBuilder UseSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var silo = new SiloBuilder(services, builder.Configuration);
        configure?.Invoke(silo);

        AddOptions<GrainCollectionOptions>(silo, "GrainCollection");
        AddOptions<MessagingOptions>(silo, "Messaging");
        AddOptions<SchedulingOptions>(silo, "Scheduling");
        AddOptions<ReminderOptions>(silo, "Reminders");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => GrainCodeRegistry.Shared);
        services.TryAddSingleton<IReminderTable>(_ => new MemoryReminderTable());
        services.AddSingleton(new LocalSiloDetails
        {
            Name = builder.Configuration["Rayswarm:SiloName"] is { Length: > 0 } name ? name : Environment.MachineName,
        });
        services.AddSingleton<ILocalSiloDetails>(sp => sp.GetRequiredService<LocalSiloDetails>());
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>());
        services.AddSingleton<ReminderService>();
        services.AddHostedService<SiloHostedService>();
        return builder;
    }

    private static void AddOptions<TOptions>(SiloBuilder silo, string section) where TOptions : class
    {
        silo.Services.AddOptions<TOptions>().Bind(silo.Configuration.GetSection("Rayswarm:" + section)).ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<TOptions>), typeof(SiloOptionsValidator)));
    }
}
