using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// Names of generated types. A type's full name is mangled by doubling each '_' and joining the parts with a single
/// '_', so different full names (A.B_C and A_B.C) never meet; each kind of generated type has its own suffix.
/// </summary>
internal static class GeneratedNames
{
    public const string Namespace = "Rayswarm.Generated";

    public static string Mangle(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingSymbol)
        {
            parts.Add(Escape(named.Name));
            if (named.ContainingType is null)
            {
                for (var ns = named.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
                {
                    parts.Add(Escape(ns.Name));
                }
            }
        }
        parts.Reverse();
        return string.Join("_", parts);
    }

    public static string Proxy(string mangledInterface) => mangledInterface + "Proxy";

    public static string Request(string mangledInterface, string methodName, int index) =>
        mangledInterface + "_" + Escape(methodName) + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Request";

    public static string Module(string? assemblyName)
    {
        var builder = new StringBuilder();
        foreach (var c in assemblyName ?? string.Empty)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (builder.Length == 0 || char.IsDigit(builder[0])) { builder.Insert(0, "Assembly"); }
        return builder.Append("GrainCodeModule").ToString();
    }

    /// <summary>A member name as an identifier in code: keywords get an '@'.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Escape(string part) => part.Replace("_", "__");
}
