using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>The generator's diagnostics. Each is an error: the offending interface or class gets no generated code.</summary>
internal static class Diagnostics
{
    private const string Category = "Rayswarm.CodeGen";

    public static readonly DiagnosticDescriptor MethodMustReturnTask = new(
        "RSG001",
        "Grain interface method must return Task or Task<T>",
        "Grain interface method {0}.{1} must return Task or Task<T>; ValueTask and other types are not supported",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ByReferenceParameter = new(
        "RSG002",
        "Grain interface method has a by-reference parameter",
        "Grain interface method {0}.{1} has the {2} parameter '{3}'; grain calls cannot pass ref, out, in, ref readonly or ref struct parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "RSG003",
        "Grain interface method is generic",
        "Grain interface method {0}.{1} is generic; generic grain methods are not supported",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonMethodMember = new(
        "RSG004",
        "Grain interface declares a member that is not a method",
        "Grain interface {0} declares the {2} {1}; grain interfaces may only declare instance methods",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericInterface = new(
        "RSG005",
        "Grain interface is generic",
        "Grain interface {0} is generic; generic grain interfaces are not supported",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoPublicConstructor = new(
        "RSG006",
        "Grain class has no public constructor",
        "Grain class {0} has no public constructor; the runtime creates grains through their public constructor with the most parameters",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PersistentStateParameterType = new(
        "RSG007",
        "[PersistentState] parameter is not an IPersistentState<T>",
        "Parameter '{1}' of grain class {0} has [PersistentState] but its type {2} is not IPersistentState<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Inaccessible = new(
        "RSG008",
        "Grain type is not accessible to generated code",
        "{0} {1} is not accessible to generated code; make it and its containing types internal or public",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidResponseTimeout = new(
        "RSG009",
        "[ResponseTimeout] value is not a time span",
        "Grain interface method {0}.{1} has [ResponseTimeout(\"{2}\")], which is not a valid TimeSpan; write it in the invariant form such as \"00:00:05\"",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
