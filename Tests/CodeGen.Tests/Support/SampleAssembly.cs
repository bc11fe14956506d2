using System.Reflection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

/// <summary>The valid sample, generated, compiled, emitted and loaded once for all tests that use it.</summary>
internal static class SampleAssembly
{
    private static readonly Lazy<GenerationResult> s_generation = new(() => Generation.Run(ValidSample.Source));
    private static readonly Lazy<Assembly> s_assembly = new(Load);

    public static GenerationResult Result => s_generation.Value;

    public static Assembly Assembly => s_assembly.Value;

    public static Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>A registry filled by the sample's generated module, found the way the runtime finds it.</summary>
    public static GrainCodeRegistry Register()
    {
        var attribute = Assembly.GetCustomAttributes<GrainCodeModuleAttribute>().Single();
        var module = (IGrainCodeModule)Activator.CreateInstance(attribute.ModuleType)!;
        var registry = new GrainCodeRegistry();
        module.Register(registry);
        return registry;
    }

    /// <summary>Calls an interface method by name and arity through the interface, so explicit implementations are reached.</summary>
    public static object? Call(object target, Type interfaceType, string method, params object?[] arguments) =>
        interfaceType.GetMethods().Single(m => m.Name == method && m.GetParameters().Length == arguments.Length).Invoke(target, arguments);

    private static Assembly Load() => Result.Load("Sample.Grains");
}
