namespace Rayswarm.Domains.Code;

/// <summary>Totals over the analyzed files (the answer of <c>metrics</c>).</summary>
/// <param name="Files">Files analyzed.</param>
/// <param name="Lines">Lines in all.</param>
/// <param name="Types">Classes, structs, records, interfaces, enums and delegates declared.</param>
/// <param name="Methods">Method-like members measured (<see cref="MethodMetrics"/>).</param>
/// <param name="AverageComplexity">Their mean cyclomatic complexity, to two decimals (0 with none).</param>
/// <param name="MaxComplexity">The highest (0 with none).</param>
/// <param name="Errors">Compiler errors.</param>
/// <param name="Warnings">Compiler warnings.</param>
/// <param name="Findings">Findings, all of them (the lists stop at <see cref="CodeLimits.MaxFindings"/>).</param>
public sealed record CodeTotals(int Files, int Lines, int Types, int Methods, double AverageComplexity, int MaxComplexity, int Errors, int Warnings, int Findings);
