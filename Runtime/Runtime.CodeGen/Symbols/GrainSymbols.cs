using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// Recognizes the runtime's types by name, so the generator needs no symbol look-ups per compilation and works
/// whichever assembly declares them.
/// </summary>
internal static class GrainSymbols
{
    private static readonly string[] s_abstractionsNamespace = ["Rayswarm", "Runtime", "Abstractions"];
    private static readonly string[] s_tasksNamespace = ["System", "Threading", "Tasks"];
    private static readonly string[] s_systemNamespace = ["System"];

    public static bool IsAbstractionsType(ITypeSymbol? type, string metadataName) => IsType(type, s_abstractionsNamespace, metadataName);

    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface && type.AllInterfaces.Any(static i => IsAbstractionsType(i, "IGrain"));

    /// <summary>IGrain and the key-kind markers, which declare no methods and get no proxies.</summary>
    public static bool IsMarkerInterface(INamedTypeSymbol type) =>
        type.MetadataName is "IGrain" or "IGrainWithStringKey" or "IGrainWithGuidKey" or "IGrainWithIntegerKey"
        && IsAbstractionsType(type, type.MetadataName);

    public static bool IsTask(ITypeSymbol type) => IsType(type, s_tasksNamespace, "Task");

    public static bool IsTaskOfT(ITypeSymbol type) => IsType(type, s_tasksNamespace, "Task`1");

    public static bool IsServiceProvider(ITypeSymbol type) => IsType(type, s_systemNamespace, "IServiceProvider");

    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsAbstractionsType(current, "Grain")) { return true; }
        }
        return false;
    }

    /// <summary>True for generic types and types nested in generic types: neither has a closed name to emit.</summary>
    public static bool IsGenericOrInGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType) { return true; }
        }
        return false;
    }

    /// <summary>Whether code in another namespace of the same assembly can name the type.</summary>
    public static bool IsAccessibleFromAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }
        return true;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (IsAbstractionsType(attribute.AttributeClass, metadataName)) { return attribute; }
        }
        return null;
    }

    /// <summary>The attribute on the class or the nearest base class (for attributes declared Inherited = true).</summary>
    public static AttributeData? FindInheritedAttribute(INamedTypeSymbol type, string metadataName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (FindAttribute(current, metadataName) is { } attribute) { return attribute; }
        }
        return null;
    }

    private static bool IsType(ITypeSymbol? type, string[] namespaceParts, string metadataName)
    {
        if (type is not INamedTypeSymbol { ContainingType: null } named || named.MetadataName != metadataName) { return false; }
        var ns = named.ContainingNamespace;
        for (var i = namespaceParts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.Name != namespaceParts[i]) { return false; }
            ns = ns.ContainingNamespace;
        }
        return ns is { IsGlobalNamespace: true };
    }
}
