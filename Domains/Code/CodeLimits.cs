namespace Rayswarm.Domains.Code;

/// <summary>The largest input the <c>code</c> domain analyzes; more is refused with an <see cref="ArgumentException"/>.</summary>
public static class CodeLimits
{
    /// <summary>At most this many characters of source in all (about 10,000 lines of ordinary C#).</summary>
    public const int MaxSourceChars = 512 * 1024;

    /// <summary>At most this many files.</summary>
    public const int MaxFiles = 100;

    /// <summary>At most this many findings are listed and contributed (the total is always counted).</summary>
    public const int MaxFindings = 50;

    /// <summary>At most this many diagnostics are listed (the totals are always counted).</summary>
    public const int MaxDiagnostics = 100;
}
