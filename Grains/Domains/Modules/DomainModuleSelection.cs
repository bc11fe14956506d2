using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Rayswarm.Grains;

/// <summary>
/// Which domain modules a host enables: the names in <c>--domains code,documents,neural</c> (the <c>domains</c> key of the
/// command line) or in the setting <see cref="EnabledKey"/> (<c>Rayswarm__Domains__Enabled=code,neural</c>, or a JSON array
/// in appsettings). None by default. A name no module has stops the start with a message listing the known ones.
/// </summary>
public static class DomainModuleSelection
{
    /// <summary>The setting that lists the enabled modules (comma-separated, or an array).</summary>
    public const string EnabledKey = "Rayswarm:Domains:Enabled";

    /// <summary>The command-line key (<c>--domains</c>) that wins over <see cref="EnabledKey"/>.</summary>
    public const string SwitchKey = "domains";

    /// <summary>The setting that points a module's knowledge folder elsewhere: <c>Rayswarm:Domains:Knowledge:{domain}</c>.</summary>
    public static string KnowledgeKey(string domainId) => $"Rayswarm:Domains:Knowledge:{domainId}";

    /// <summary>The enabled module names, in the order given, without repeats.</summary>
    public static IReadOnlyList<string> EnabledNames(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[SwitchKey] is { Length: > 0 } given ? given : configuration[EnabledKey];
        var names = text is not null
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : configuration.GetSection(EnabledKey).GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The enabled modules among <paramref name="known"/>; throws <see cref="InvalidOperationException"/> for a name
    /// no known module has, listing the known ones.</summary>
    public static IReadOnlyList<DomainModule> Enabled(IConfiguration configuration, IEnumerable<DomainModule> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var byName = new Dictionary<string, DomainModule>(StringComparer.Ordinal);
        foreach (var module in known) { byName.TryAdd(module.DomainId, module); }
        var enabled = new List<DomainModule>();
        foreach (var name in EnabledNames(configuration))
        {
            enabled.Add(byName.TryGetValue(name, out var module)
                ? module
                : throw new InvalidOperationException($"Unknown domain module '{name}' in --domains ({EnabledKey}); the known modules are: "
                    + (byName.Count == 0 ? "none" : string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))) + "."));
        }
        return enabled;
    }

    /// <summary>The modules an assembly contains: one instance of each public, non-abstract <see cref="DomainModule"/>
    /// subclass with a public parameterless constructor (how a <c>--grain-assembly</c> brings its domains).</summary>
    public static IReadOnlyList<DomainModule> FoundIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(DomainModule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DomainModule)Activator.CreateInstance(t)!)];
    }
}
