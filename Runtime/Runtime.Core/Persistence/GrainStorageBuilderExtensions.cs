using Microsoft.Extensions.DependencyInjection;

namespace Rayswarm.Runtime.Core;

/// <summary>Registers named grain storage providers.</summary>
public static class GrainStorageBuilderExtensions
{
    /// <summary>Adds a named storage provider built by <paramref name="factory"/> (one instance per silo).</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder builder, string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        return builder;
    }

    /// <summary>Adds an in-memory storage provider (lost when the process ends; for tests and caches).</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default) =>
        builder.AddGrainStorage(name, _ => new MemoryGrainStorage());

    /// <summary>Uses <paramref name="factory"/>'s table for durable reminders (replaces any earlier choice).</summary>
    public static ISiloBuilder UseReminderTable(this ISiloBuilder builder, Func<IServiceProvider, IReminderTable> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Keeps reminders in memory (lost when the process ends; for tests).</summary>
    public static ISiloBuilder UseInMemoryReminders(this ISiloBuilder builder) =>
        builder.UseReminderTable(_ => new MemoryReminderTable());
}
