using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Domains.Code;

/// <summary>
/// Analyzes C# files with Roslyn: parses them (C# latest), refuses them with their syntax errors if they do not parse,
/// compiles them together against the base library (<see cref="CodeReferences"/>; a library, or a program when a file has
/// top-level statements; nullable analysis off), and measures every method-like member (<see cref="ComplexityCounter"/>),
/// outlines the declarations (<see cref="Outline"/>) and applies <see cref="FindingRules"/>. Thread-safe and stateless.
/// </summary>
public static class CSharpAnalyzer
{
    private static readonly CSharpParseOptions s_parse = new(LanguageVersion.Latest);

    // Compilations derived from one base share its bound references (the base library's symbols, read once per process).
    private static readonly Lazy<CSharpCompilation> s_library = new(() => Base(OutputKind.DynamicallyLinkedLibrary));
    private static readonly Lazy<CSharpCompilation> s_program = new(() => Base(OutputKind.ConsoleApplication));

    private static CSharpCompilation Base(OutputKind kind) =>
        CSharpCompilation.Create("analyzed", [CodeReferences.ImplicitUsings(s_parse)], CodeReferences.All,
            new CSharpCompilationOptions(kind, concurrentBuild: false));

    /// <summary>The report of <paramref name="files"/>. Throws <see cref="ArgumentException"/> (parameter <c>source</c>)
    /// when a file does not parse, naming the first syntax errors with their lines.</summary>
    public static CodeReport Analyze(IReadOnlyList<SourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, s_parse, f.Path)).ToArray();
        var syntaxErrors = trees.SelectMany(t => t.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (syntaxErrors.Length > 0)
        {
            throw new ArgumentException($"The source does not parse as C#: {syntaxErrors.Length} syntax error(s), e.g. "
                + string.Join("; ", syntaxErrors.Take(5).Select(Describe)) + ".", "source");
        }
        var program = trees.Any(t => t.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());
        var compilation = (program ? s_program : s_library).Value.AddSyntaxTrees(trees);
        var compiled = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !d.IsSuppressed
                && d.Location.SourceTree is { } tree && tree.FilePath != CodeReferences.ImplicitUsingsPath)
            .OrderBy(d => d.Severity == DiagnosticSeverity.Error ? 0 : 1)
            .ThenBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToArray();

        var methods = new List<MethodMetrics>();
        var findings = new List<CodeFinding>();
        var outline = new List<OutlineSymbol>();
        var lines = 0;
        foreach (var tree in trees)
        {
            var root = tree.GetCompilationUnitRoot();
            lines += LineCount(tree);
            outline.AddRange(Outline.Of(root, tree.FilePath));
            foreach (var member in root.DescendantNodes().Where(MemberNames.IsMeasured))
            {
                var (start, end) = (LineOf(tree, MemberNames.DeclarationStart(member)), LineOf(tree, member.Span.End));
                var method = new MethodMetrics(MemberNames.Of(member), MemberNames.KindOf(member), tree.FilePath, start, end, end - start + 1,
                    ComplexityCounter.Of(member));
                methods.Add(method);
                findings.AddRange(FindingRules.OfMember(method, member));
            }
            foreach (var empty in root.DescendantNodes().OfType<CatchClauseSyntax>().Where(IsEmpty))
            {
                findings.Add(FindingRules.EmptyCatch(tree.FilePath, LineOf(tree, empty.CatchKeyword.SpanStart), MemberNames.Containing(empty)));
            }
        }
        foreach (var unused in compiled.Where(FindingRules.IsUnusedLocal))
        {
            var tree = unused.Location.SourceTree!;
            var node = tree.GetRoot().FindNode(unused.Location.SourceSpan);
            findings.Add(FindingRules.UnusedLocal(unused, tree.FilePath, LineOf(tree, unused.Location.SourceSpan.Start), MemberNames.Containing(node)));
        }
        var order = files.Select((f, i) => (f.Path, i)).DistinctBy(p => p.Path).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
        var sortedFindings = findings.OrderBy(f => order[f.Path]).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal).ToArray();
        var errors = compiled.Count(d => d.Severity == DiagnosticSeverity.Error);
        var totals = new CodeTotals(files.Count, lines, Outline.CountTypes(outline), methods.Count,
            methods.Count == 0 ? 0 : Math.Round(methods.Average(m => m.Complexity), 2), methods.Count == 0 ? 0 : methods.Max(m => m.Complexity),
            errors, compiled.Length - errors, sortedFindings.Length);
        return new CodeReport(
            [.. compiled.Take(CodeLimits.MaxDiagnostics).Select(ToDiagnostic)],
            [.. methods.OrderBy(m => order[m.Path]).ThenBy(m => m.Line)],
            outline,
            [.. sortedFindings.Take(CodeLimits.MaxFindings)],
            totals);
    }

    /// <summary>A catch block with no statement and no comment (a comment says the swallowing is meant).</summary>
    private static bool IsEmpty(CatchClauseSyntax clause) =>
        clause.Block.Statements.Count == 0
        && !clause.Block.CloseBraceToken.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
        && !clause.Block.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));

    /// <summary>Lines as an editor counts them: a final line break does not start another line.</summary>
    private static int LineCount(SyntaxTree tree)
    {
        var text = tree.GetText();
        return text.Lines.Count > 1 && text.Lines[^1].Span.IsEmpty ? text.Lines.Count - 1 : text.Lines.Count;
    }

    private static int LineOf(SyntaxTree tree, int position) => tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1;

    private static CodeDiagnostic ToDiagnostic(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return new CodeDiagnostic(d.Id, d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            d.GetMessage(CultureInfo.InvariantCulture), span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{span.Path} line {span.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}";
    }
}
