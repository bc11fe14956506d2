using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Rayswarm.Domains.Code;

/// <summary>What analyzed code compiles against: the running .NET's base library (its <c>System.*</c>, <c>netstandard</c>
/// and <c>mscorlib</c> assemblies) and the SDK's implicit usings, so <c>Console</c>, <c>List&lt;T&gt;</c>, LINQ and tasks
/// resolve in a snippet without a <c>using</c>.</summary>
internal static class CodeReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_references = new(Load);

    /// <summary>The path of the implicit usings file (its diagnostics are not reported).</summary>
    public const string ImplicitUsingsPath = "<implicit usings>";

    /// <summary>The base library's assemblies (read once per process).</summary>
    public static IReadOnlyList<MetadataReference> All => s_references.Value;

    /// <summary>The SDK's implicit global usings (Microsoft.NET.Sdk's defaults).</summary>
    public static SyntaxTree ImplicitUsings(CSharpParseOptions options) => CSharpSyntaxTree.ParseText("""
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """, options, ImplicitUsingsPath);

    private static IReadOnlyList<MetadataReference> Load()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var references = paths
            .Where(p => Path.GetFileName(p) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        // Without trusted platform assemblies (an unusual host), at least the core library.
        if (references.Count == 0) { references.Add(MetadataReference.CreateFromFile(typeof(object).Assembly.Location)); }
        return references;
    }
}
