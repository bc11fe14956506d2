using System.Text;
using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// The signature a method id is computed from, built from symbols exactly as <c>MethodMetadata.Signature</c> builds it
/// from run-time types: <c>Namespace.Outer+IInterface.Method(System.Int32,System.Collections.Generic.List`1[System.String])</c>.
/// </summary>
internal static class MethodSignatures
{
    public static string Of(IMethodSymbol method)
    {
        var builder = new StringBuilder();
        AppendType(builder, method.ContainingType);
        builder.Append('.').Append(method.Name).Append('(');
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (i > 0) { builder.Append(','); }
            AppendType(builder, method.Parameters[i].Type);
        }
        return builder.Append(')').ToString();
    }

    /// <summary>FNV-1a (32 bit) over the UTF-16 code units, as <c>MethodMetadata.ComputeId</c>.</summary>
    public static uint Id(string signature)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in signature) { hash = (hash ^ c) * 16777619u; }
            return hash;
        }
    }

    private static void AppendType(StringBuilder builder, ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                AppendType(builder, array.ElementType);
                builder.Append('[').Append(',', array.Rank - 1).Append(']');
                break;
            case IPointerTypeSymbol pointer:
                AppendType(builder, pointer.PointedAtType);
                builder.Append('*');
                break;
            case { TypeKind: TypeKind.Dynamic }:
                builder.Append("System.Object");
                break;
            case INamedTypeSymbol named:
                AppendNamed(builder, named.IsTupleType && named.TupleUnderlyingType is { } underlying ? underlying : named);
                break;
            default:
                builder.Append(type.MetadataName);
                break;
        }
    }

    private static void AppendNamed(StringBuilder builder, INamedTypeSymbol type)
    {
        AppendDefinition(builder, type);
        var arguments = new List<ITypeSymbol>();
        CollectArguments(type, arguments);
        if (arguments.Count == 0) { return; }
        builder.Append('[');
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0) { builder.Append(','); }
            AppendType(builder, arguments[i]);
        }
        builder.Append(']');
    }

    private static void AppendDefinition(StringBuilder builder, INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            AppendDefinition(builder, outer);
            builder.Append('+');
        }
        else
        {
            var parts = new List<string>();
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                parts.Add(ns.Name);
            }
            parts.Reverse();
            foreach (var part in parts) { builder.Append(part).Append('.'); }
        }
        builder.Append(type.MetadataName);
    }

    /// <summary>Type arguments of the enclosing types first, as reflection lists them on a nested generic type.</summary>
    private static void CollectArguments(INamedTypeSymbol type, List<ITypeSymbol> arguments)
    {
        if (type.ContainingType is { } outer) { CollectArguments(outer, arguments); }
        arguments.AddRange(type.TypeArguments);
    }
}
