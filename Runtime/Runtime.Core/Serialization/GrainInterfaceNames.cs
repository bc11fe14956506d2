using System.Collections.Concurrent;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Which grain interface a serialized reference stands for, by full name: the proxy's own interface when writing, a
/// loaded interface of that name when reading. Both are looked up once per proxy type and per name.
/// </summary>
internal static class GrainInterfaceNames
{
    private static readonly ConcurrentDictionary<Type, string?> s_byProxy = new();
    private static readonly ConcurrentDictionary<string, Type> s_byName = new(StringComparer.Ordinal);

    /// <summary>The interface name to write for <paramref name="value"/>, held in a member declared as <paramref name="declared"/>.</summary>
    public static string Of(object value, Type declared)
    {
        if (value is GrainReference && s_byProxy.GetOrAdd(value.GetType(), static t => ProxyInterface(t)) is { } name) { return name; }
        if (IsProxiedInterface(declared)) { return declared.FullName!; }
        throw new NotSupportedException(
            $"Cannot tell which grain interface a {value.GetType()} passed as {declared} stands for; pass a grain reference (AsReference<TGrainInterface>()).");
    }

    /// <summary>The interface to create a reference through, for the name read from the wire.</summary>
    public static Type Resolve(string name, Type declared)
    {
        if (string.Equals(declared.FullName, name, StringComparison.Ordinal)) { return declared; }
        if (!s_byName.TryGetValue(name, out var found) && Find(name) is { } loaded)
        {
            found = s_byName.GetOrAdd(name, loaded);
        }
        if (found is not null && (!declared.IsInterface || declared.IsAssignableFrom(found))) { return found; }
        // An interface this process lacks (another version): the declared interface still reaches the grain.
        return IsProxiedInterface(declared)
            ? declared
            : throw new InvalidDataException($"Grain interface {name} is not loaded here, so a reference to it cannot be read as {declared}.");
    }

    /// <summary>A grain interface that has proxies: not IGrain or a key-kind marker.</summary>
    public static bool IsProxiedInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type)
        && type != typeof(IGrain) && type != typeof(IGrainWithStringKey) && type != typeof(IGrainWithGuidKey) && type != typeof(IGrainWithIntegerKey);

    /// <summary>The proxy's most derived grain interface (generated proxies implement one interface and its bases).</summary>
    private static string? ProxyInterface(Type proxyType)
    {
        var candidates = proxyType.GetInterfaces().Where(IsProxiedInterface).ToList();
        var most = candidates.Where(c => candidates.All(other => other.IsAssignableFrom(c))).ToList();
        return most.Count == 1 ? most[0].FullName : null;
    }

    private static Type? Find(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic) { continue; }
            if (assembly.GetType(name, throwOnError: false) is { } type && IsProxiedInterface(type)) { return type; }
        }
        return null;
    }
}
