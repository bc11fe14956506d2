using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Code;

/// <summary>The actions of the <c>code</c> domain and their input schemas.</summary>
public static class CodeActions
{
    /// <summary>Diagnostics, methods, outline and findings; contributes the findings.</summary>
    public const string Analyze = "analyze";

    /// <summary>Totals only; read-only.</summary>
    public const string Metrics = "metrics";

    // The same input for both: one source, or a set of files.
    private static readonly string Source = $$$"""
        "source":{"type":"string","minLength":1,"maxLength":{{{CodeLimits.MaxSourceChars}}},"description":"C# source text (one file, path input.cs)."},
        "files":{"type":"array","minItems":1,"maxItems":{{{CodeLimits.MaxFiles}}},"description":"Several C# files compiled together (instead of source).",
          "items":{"type":"object","additionalProperties":false,"required":["path","source"],"properties":{
            "path":{"type":"string","minLength":1,"maxLength":260},"source":{"type":"string","minLength":1} } } }
        """;

    /// <summary>Both actions.</summary>
    public static IReadOnlyList<DomainActionInfo> All { get; } =
    [
        new(Analyze,
            "Analyzes C# with Roslyn: compiler diagnostics (syntax and semantic, against the .NET base library), each method's " +
            "cyclomatic complexity and length in lines, a symbol outline, and findings with line numbers (rules: complexity over " +
            $"{FindingRules.MaxComplexity}, methods over {FindingRules.MaxMethodLines} lines, empty catch blocks, async void " +
            $"methods, unused locals, more than {FindingRules.MaxParameters} parameters). Findings are contributed to the shared " +
            "memory (type code.findings, domain code) once per workflow step or per source, and retracted on rollback. " +
            "Source that does not parse is refused with its syntax errors.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            {{{Source}}},
            "contribute":{"type":"boolean","default":true,"description":"Whether to contribute the findings to the shared memory."}}
            }
            """,
            Compensable: true),
        new(Metrics,
            "Totals of C# source: files, lines, types, methods, average and highest cyclomatic complexity, compiler errors and " +
            "warnings, findings. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            {{{Source}}}}
            }
            """,
            Compensable: false,
            ReadOnly: true),
    ];
}
