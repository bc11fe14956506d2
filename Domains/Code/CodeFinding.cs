namespace Rayswarm.Domains.Code;

/// <summary>One finding of a rule (<see cref="FindingRules"/>) at a line.</summary>
/// <param name="Rule">The rule's id, e.g. <c>empty-catch</c>.</param>
/// <param name="Severity"><c>warning</c> or <c>info</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Path">The file.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Symbol">The member it is in, when it is in one.</param>
public sealed record CodeFinding(string Rule, string Severity, string Message, string Path, int Line, string? Symbol);
