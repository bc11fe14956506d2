namespace Rayswarm.Domains.Code;

/// <summary>A compiler diagnostic (error or warning) at a place in a file.</summary>
/// <param name="Id">The compiler's id, e.g. <c>CS0103</c>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="Path">The file.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public sealed record CodeDiagnostic(string Id, string Severity, string Message, string Path, int Line, int Column);
