namespace Rayswarm.Domains.Code;

/// <summary>One C# file to analyze.</summary>
/// <param name="Path">Its name in the answers (diagnostics, methods and findings name it).</param>
/// <param name="Source">Its text.</param>
public sealed record SourceFile(string Path, string Source);
