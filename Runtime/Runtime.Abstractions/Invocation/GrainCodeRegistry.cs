using System.Collections.Concurrent;
using System.Reflection;

namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// What the generated code of the loaded assemblies registered: proxy factories by interface, request factories by
/// method id, and grain classes by interface and by grain type. Assemblies are discovered by their <see cref="GrainCodeModuleAttribute"/>
/// (once, at first use; reflection happens here and never on the call path).
/// </summary>
public sealed class GrainCodeRegistry
{
    private static readonly Lazy<GrainCodeRegistry> s_shared = new(CreateShared);
    private readonly ConcurrentDictionary<Type, GrainInterfaceMetadata> _interfaces = new();
    private readonly ConcurrentDictionary<Type, List<GrainClassMetadata>> _classesByInterface = new();
    private readonly ConcurrentDictionary<string, GrainClassMetadata> _classesByType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<uint, RequestRegistration> _requests = new();
    private readonly ConcurrentDictionary<uint, bool> _unknownRequests = new();
    private readonly ConcurrentDictionary<Assembly, bool> _loaded = new();
    private readonly Lock _gate = new();

    /// <summary>The registry of every assembly loaded in this process.</summary>
    public static GrainCodeRegistry Shared => s_shared.Value;

    /// <summary>Every grain class registered so far (load the app domain first to see them all).</summary>
    public IReadOnlyCollection<GrainClassMetadata> Classes => [.. _classesByType.Values];

    /// <summary>Registers a proxy factory.</summary>
    public void AddInterface(GrainInterfaceMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _interfaces[metadata.InterfaceType] = metadata;
    }

    /// <summary>
    /// Registers the request type of a grain method under its <see cref="MethodMetadata.MethodId"/>. Registering the same
    /// signature again (an inherited method has a request in every derived interface's proxy) keeps the first factory;
    /// two different signatures with the same id throw.
    /// </summary>
    public void AddRequest(MethodMetadata method, Func<Request> create)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(create);
        if (_requests.TryAdd(method.MethodId, new RequestRegistration(method, create)))
        {
            _unknownRequests.TryRemove(method.MethodId, out _);
            return;
        }
        var existing = _requests[method.MethodId].Method;
        if (ReferenceEquals(existing, method)) { return; }
        var existingSignature = MethodMetadata.Signature(existing.InterfaceType, existing.MethodName, existing.ParameterTypes);
        var signature = MethodMetadata.Signature(method.InterfaceType, method.MethodName, method.ParameterTypes);
        if (!string.Equals(existingSignature, signature, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Grain methods {existingSignature} and {signature} have the same method id 0x{method.MethodId:X8}; rename one or change its parameters.");
        }
    }

    /// <summary>
    /// Creates empty requests of the method with <paramref name="methodId"/>, for deserializing incoming calls. An unknown
    /// id makes the registry load the application's assemblies once; if it stays unknown it throws at once from then on.
    /// </summary>
    public Func<Request> GetRequestFactory(uint methodId)
    {
        if (_requests.TryGetValue(methodId, out var registration)) { return registration.Create; }
        if (_unknownRequests.TryAdd(methodId, true)) { LoadAppDomain(); }
        return _requests.TryGetValue(methodId, out registration)
            ? registration.Create
            : throw new InvalidOperationException(
                $"No grain method with id 0x{methodId:X8} is known here. Is the assembly declaring the caller's grain interface loaded, in the same version?");
    }

    /// <summary>Registers a grain class.</summary>
    public void AddGrainClass(GrainClassMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_gate)
        {
            if (_classesByType.TryGetValue(metadata.GrainType, out var existing) && existing.ClassType != metadata.ClassType)
            {
                throw new InvalidOperationException(
                    $"Grain type name '{metadata.GrainType}' is used by both {existing.ClassType.FullName} and {metadata.ClassType.FullName}; give one a [GrainType(\"...\")].");
            }
            _classesByType[metadata.GrainType] = metadata;
            foreach (var i in metadata.Interfaces)
            {
                var list = _classesByInterface.GetOrAdd(i, _ => []);
                if (!list.Exists(c => c.ClassType == metadata.ClassType)) { list.Add(metadata); }
            }
        }
    }

    /// <summary>Loads the generated code of <paramref name="assembly"/> if it has any and was not loaded yet.</summary>
    public void Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_loaded.TryAdd(assembly, true)) { return; }
        foreach (var attribute in assembly.GetCustomAttributes<GrainCodeModuleAttribute>())
        {
            var module = (IGrainCodeModule)Activator.CreateInstance(attribute.ModuleType)!;
            module.Register(this);
        }
    }

    /// <summary>The proxy factory for a grain interface.</summary>
    public GrainInterfaceMetadata GetInterface(Type interfaceType)
    {
        if (_interfaces.TryGetValue(interfaceType, out var m)) { return m; }
        Load(interfaceType.Assembly);
        return _interfaces.TryGetValue(interfaceType, out m)
            ? m
            : throw new InvalidOperationException(
                $"{interfaceType.FullName} has no generated proxy. Is it a grain interface (derives from IGrain) in a project that references Rayswarm.Runtime.CodeGen?");
    }

    /// <summary>The grain class that implements <paramref name="interfaceType"/>.</summary>
    public GrainClassMetadata GetClassFor(Type interfaceType)
    {
        if (!_classesByInterface.TryGetValue(interfaceType, out var list) || list.Count == 0)
        {
            LoadAppDomain();
            _classesByInterface.TryGetValue(interfaceType, out list);
        }
        if (list is null || list.Count == 0)
        {
            throw new InvalidOperationException($"No grain class implements {interfaceType.FullName}. Is the assembly with the grain class loaded?");
        }
        lock (_gate)
        {
            if (list.Count == 1) { return list[0]; }
            // Several classes: the conventional one (IFooGrain -> FooGrain) is the default, as in Orleans.
            var conventional = list.Where(c => "I" + c.ClassType.Name == interfaceType.Name).ToList();
            return conventional.Count == 1
                ? conventional[0]
                : throw new InvalidOperationException(
                    $"{interfaceType.FullName} is implemented by several grain classes ({string.Join(", ", list.Select(c => c.ClassType.Name))}) and none is named after it; use a more specific interface or a grain id of the wanted type.");
        }
    }

    /// <summary>The grain class registered under a grain type name.</summary>
    public GrainClassMetadata GetClass(string grainType)
    {
        if (_classesByType.TryGetValue(grainType, out var m)) { return m; }
        LoadAppDomain();
        return _classesByType.TryGetValue(grainType, out m) ? m : throw new InvalidOperationException($"Unknown grain type '{grainType}'.");
    }

    /// <summary>
    /// Loads the generated code of every assembly loaded in the process, of the assemblies they reference, and of the
    /// application's own assemblies beside the entry point (a host may reference a grain assembly it never names in code).
    /// </summary>
    public void LoadAppDomain()
    {
        var pending = new Stack<Assembly>(AppDomain.CurrentDomain.GetAssemblies());
        foreach (var path in ApplicationAssemblyPaths())
        {
            try { pending.Push(Assembly.LoadFrom(path)); }
            catch (BadImageFormatException) { /* a native library */ }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var assembly))
        {
            if (assembly.IsDynamic || !seen.Add(assembly.FullName ?? assembly.GetName().Name!) || IsFramework(assembly.GetName())) { continue; }
            Load(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFramework(reference) || seen.Contains(reference.FullName)) { continue; }
                try { pending.Push(Assembly.Load(reference)); }
                catch (FileNotFoundException) { /* optional references may be absent at run time */ }
            }
        }
    }

    private static IEnumerable<string> ApplicationAssemblyPaths()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted.Where(p => p.StartsWith(baseDirectory, StringComparison.Ordinal) && !IsFramework(new AssemblyName(Path.GetFileNameWithoutExtension(p))));
    }

    private static bool IsFramework(AssemblyName name) =>
        name.Name is null || name.Name.StartsWith("System", StringComparison.Ordinal) || name.Name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name.Name.StartsWith("xunit", StringComparison.Ordinal) || name.Name is "netstandard" or "mscorlib";

    private static GrainCodeRegistry CreateShared()
    {
        var registry = new GrainCodeRegistry();
        registry.LoadAppDomain();
        return registry;
    }

    private sealed record RequestRegistration(MethodMetadata Method, Func<Request> Create);
}
