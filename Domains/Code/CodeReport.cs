namespace Rayswarm.Domains.Code;

/// <summary>What <see cref="CSharpAnalyzer"/> finds in a set of files.</summary>
/// <param name="Diagnostics">Compiler errors and warnings, errors first, at most <see cref="CodeLimits.MaxDiagnostics"/>.</param>
/// <param name="Methods">Every method-like member, in file and line order.</param>
/// <param name="Outline">The declared symbols, per file in order.</param>
/// <param name="Findings">The findings, in file and line order, at most <see cref="CodeLimits.MaxFindings"/>.</param>
/// <param name="Totals">The totals.</param>
public sealed record CodeReport(
    IReadOnlyList<CodeDiagnostic> Diagnostics,
    IReadOnlyList<MethodMetrics> Methods,
    IReadOnlyList<OutlineSymbol> Outline,
    IReadOnlyList<CodeFinding> Findings,
    CodeTotals Totals);
