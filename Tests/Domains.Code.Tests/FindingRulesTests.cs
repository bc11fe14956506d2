using System.Text;

namespace Rayswarm.Domains.Code.Tests;

/// <summary>Each rule of <see cref="FindingRules"/> fires at the line it should, and only there.</summary>
public sealed class FindingRulesTests
{
    // Line numbers are those of the raw string (line 1 is "using System.Threading.Tasks;").
    private const string Service = """
        using System.Threading.Tasks;

        public class Service
        {
            public async void Fire()
            {
                await Task.Delay(1);
            }

            public void Swallow()
            {
                try { Fire(); }
                catch (Exception) { }
                int unused;
            }

            public void Meant()
            {
                try { Fire(); } catch (Exception) { /* best effort */ }
            }

            public async void OnClick(object sender, EventArgs e) { await Task.Yield(); }

            public int Many(int a, int b, int c, int d, int e, int f, int g, int h) => a + b + c + d + e + f + g + h;

            public int Assigned()
            {
                var never = 42;
                return 1;
            }
        }
        """;

    [Fact]
    public void The_rules_find_async_void_empty_catch_unused_locals_and_long_parameter_lists_at_their_lines()
    {
        var report = CSharpAnalyzer.Analyze([new SourceFile("service.cs", Service)]);

        Assert.Equal(
            [
                ("async-void", 5, "Service.Fire"),
                ("empty-catch", 13, "Service.Swallow"),
                ("unused-local", 14, "Service.Swallow"),
                ("too-many-parameters", 24, "Service.Many"),
                ("unused-local", 28, "Service.Assigned"),
            ],
            report.Findings.Select(f => (f.Rule, f.Line, f.Symbol)));
        Assert.All(report.Findings, f => Assert.Equal("service.cs", f.Path));
        Assert.Equal(["warning", "warning", "info", "warning", "info"], report.Findings.Select(f => f.Severity));
        Assert.Contains("unused", report.Findings[2].Message, StringComparison.Ordinal);
        Assert.Equal(5, report.Totals.Findings);
    }

    [Fact]
    public void A_method_over_the_complexity_threshold_and_a_long_method_are_found_at_their_declaration()
    {
        var source = new StringBuilder("class Big\n{\n    int Tangled(int x)\n    {\n"); // Tangled starts on line 3
        for (var i = 0; i < FindingRules.MaxComplexity; i++) { source.Append($"        if (x == {i}) {{ return {i}; }}\n"); }
        source.Append("        return -1;\n    }\n\n    int Long()\n    {\n        var total = 0;\n"); // Tangled ends on line 16, Long starts on 18
        for (var i = 0; i < FindingRules.MaxMethodLines; i++) { source.Append($"        total += {i};\n"); }
        source.Append("        return total;\n    }\n}\n");

        var report = CSharpAnalyzer.Analyze([new SourceFile("big.cs", source.ToString())]);

        var tangled = Assert.Single(report.Methods, m => m.Name == "Big.Tangled");
        var longOne = Assert.Single(report.Methods, m => m.Name == "Big.Long");
        Assert.Equal((3, FindingRules.MaxComplexity + 1, 4 + FindingRules.MaxComplexity + 2), (tangled.Line, tangled.Complexity, tangled.EndLine));
        // Signature, brace, declaration, the additions, return, brace.
        Assert.Equal((18, 1, FindingRules.MaxMethodLines + 5), (longOne.Line, longOne.Complexity, longOne.Length));
        Assert.Equal([("complexity", 3, "Big.Tangled"), ("long-method", 18, "Big.Long")], report.Findings.Select(f => (f.Rule, f.Line, f.Symbol)));
    }

    [Fact]
    public void Clean_code_has_no_findings()
    {
        var report = CSharpAnalyzer.Analyze([new SourceFile("clean.cs", "public static class Clean { public static int Twice(int x) => x * 2; }")]);

        Assert.Empty(report.Findings);
        Assert.Empty(report.Diagnostics);
        Assert.Equal(0, report.Totals.Findings);
    }
}
