using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Domains.Code;

/// <summary>
/// The rules of the <c>code</c> domain's findings:
/// <list type="bullet">
/// <item><c>complexity</c> (warning): a member's cyclomatic complexity is over <see cref="MaxComplexity"/>.</item>
/// <item><c>long-method</c> (warning): a member spans more than <see cref="MaxMethodLines"/> lines.</item>
/// <item><c>too-many-parameters</c> (warning): a member takes more than <see cref="MaxParameters"/> parameters.</item>
/// <item><c>empty-catch</c> (warning): a <c>catch</c> block with no statement swallows the exception.</item>
/// <item><c>async-void</c> (warning): an <c>async void</c> method that is not an event handler (its exceptions crash the process).</item>
/// <item><c>unused-local</c> (info): a local variable that is never used, or assigned and never read (the compiler's
/// CS0168 and CS0219).</item>
/// </list>
/// A finding's line is the member's declaration line, the <c>catch</c> keyword's, or the variable's.
/// </summary>
public static class FindingRules
{
    /// <summary>The highest cyclomatic complexity without a finding.</summary>
    public const int MaxComplexity = 10;

    /// <summary>The most lines a member may span without a finding.</summary>
    public const int MaxMethodLines = 60;

    /// <summary>The most parameters a member may take without a finding.</summary>
    public const int MaxParameters = 7;

    /// <summary>The findings about one measured member.</summary>
    internal static IEnumerable<CodeFinding> OfMember(MethodMetrics method, SyntaxNode member)
    {
        if (method.Complexity > MaxComplexity)
        {
            yield return new("complexity", "warning",
                $"{method.Name} has a cyclomatic complexity of {method.Complexity} (over {MaxComplexity}); split it into smaller methods.",
                method.Path, method.Line, method.Name);
        }
        if (method.Length > MaxMethodLines)
        {
            yield return new("long-method", "warning",
                $"{method.Name} spans {method.Length} lines (over {MaxMethodLines}); extract parts of it.", method.Path, method.Line, method.Name);
        }
        if (member is BaseMethodDeclarationSyntax { ParameterList.Parameters.Count: > MaxParameters and var count })
        {
            yield return new("too-many-parameters", "warning",
                $"{method.Name} takes {count} parameters (over {MaxParameters}); group them in a type.", method.Path, method.Line, method.Name);
        }
        if (member is MethodDeclarationSyntax declared && IsAsyncVoid(declared))
        {
            yield return new("async-void", "warning",
                $"{method.Name} is async void: its exceptions cannot be awaited or caught; return Task.", method.Path, method.Line, method.Name);
        }
    }

    /// <summary>An empty catch block at <paramref name="line"/>.</summary>
    internal static CodeFinding EmptyCatch(string path, int line, string? symbol) =>
        new("empty-catch", "warning", "An empty catch block swallows the exception; handle it, log it, or let it propagate.", path, line, symbol);

    /// <summary>The compiler diagnostics that are the <c>unused-local</c> rule.</summary>
    internal static bool IsUnusedLocal(Diagnostic diagnostic) => diagnostic.Id is "CS0168" or "CS0219";

    /// <summary>An unused local from the compiler's diagnostic.</summary>
    internal static CodeFinding UnusedLocal(Diagnostic diagnostic, string path, int line, string? symbol) =>
        new("unused-local", "info", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + "; remove it.", path, line, symbol);

    private static bool IsAsyncVoid(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.AsyncKeyword)
        && method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
        // An event handler (object sender, XxxEventArgs e) may be async void.
        && !(method.ParameterList.Parameters.Count == 2
            && method.ParameterList.Parameters[1].Type?.ToString().EndsWith("EventArgs", StringComparison.Ordinal) == true);
}
