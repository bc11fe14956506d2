namespace Rayswarm.Domains.Code.Tests;

/// <summary>Diagnostics, methods, outline and totals of <see cref="CSharpAnalyzer"/>, and the input it refuses.</summary>
public sealed class CSharpAnalyzerTests
{
    private const string Shapes = """
        namespace Geometry
        {
            public interface IShape { double Area(); }

            public sealed class Circle : IShape
            {
                private readonly double _radius;
                public Circle(double radius) { _radius = radius; }
                public double Radius => _radius;
                public double Area() => Math.PI * _radius * _radius;
                public override string ToString() => $"circle {Radius}";
            }

            public enum Kind { Round, Square }

            public record Point(int X, int Y);
        }
        """;

    [Fact]
    public void The_outline_lists_namespaces_types_and_members_with_their_lines()
    {
        var report = CSharpAnalyzer.Analyze([new SourceFile("shapes.cs", Shapes)]);

        var ns = Assert.Single(report.Outline);
        Assert.Equal(("namespace", "Geometry", 1), (ns.Kind, ns.Name, ns.Line));
        Assert.Equal([("interface", "IShape", 3), ("class", "Circle", 5), ("enum", "Kind", 14), ("record", "Point", 16)],
            ns.Members.Select(m => (m.Kind, m.Name, m.Line)));
        var circle = ns.Members[1];
        Assert.Equal(
            [("field", "_radius", 7), ("constructor", "Circle(double)", 8), ("property", "Radius", 9), ("method", "Area()", 10), ("method", "ToString()", 11)],
            circle.Members.Select(m => (m.Kind, m.Name, m.Line)));
        Assert.Equal(["Round", "Square"], ns.Members[2].Members.Select(m => m.Name));
        // IShape.Area has no body: it is outlined, not measured.
        Assert.Equal(["Circle..ctor", "Circle.Radius.get", "Circle.Area", "Circle.ToString"], report.Methods.Select(m => m.Name));
        Assert.Equal((1, 17, 4, 4, 0, 0), (report.Totals.Files, report.Totals.Lines, report.Totals.Types, report.Totals.Methods, report.Totals.Errors, report.Totals.Warnings));
    }

    [Fact]
    public void Semantic_errors_are_reported_with_their_place_and_System_resolves_without_a_using()
    {
        const string source = """
            class Program
            {
                static int Main()
                {
                    Console.WriteLine(DateTime.UtcNow);
                    var list = new List<int> { 1, 2 };
                    return list.Sum() + missing;
                }
            }
            """;

        var report = CSharpAnalyzer.Analyze([new SourceFile("program.cs", source)]);

        var error = Assert.Single(report.Diagnostics);
        Assert.Equal(("CS0103", "error", "program.cs", 7, 29), (error.Id, error.Severity, error.Path, error.Line, error.Column));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (report.Totals.Errors, report.Totals.Warnings));
    }

    [Fact]
    public void Files_are_compiled_together_and_named_in_the_answers()
    {
        var report = CSharpAnalyzer.Analyze(
        [
            new SourceFile("a/Money.cs", "public readonly record struct Money(decimal Amount) { public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount); }"),
            new SourceFile("b/Wallet.cs", "public sealed class Wallet { public Money Total(Money a, Money b) => a + b; public Coin Bad() => default; }"),
        ]);

        var error = Assert.Single(report.Diagnostics);
        Assert.Equal(("CS0246", "b/Wallet.cs"), (error.Id, error.Path));
        Assert.Equal([("Money.operator +", "a/Money.cs"), ("Wallet.Total", "b/Wallet.cs"), ("Wallet.Bad", "b/Wallet.cs")],
            report.Methods.Select(m => (m.Name, m.Path)));
        Assert.Equal(["record struct", "class"], report.Outline.Select(s => s.Kind));
        Assert.Equal(2, report.Totals.Files);
    }

    [Fact]
    public void Top_level_statements_compile_as_a_program()
    {
        var report = CSharpAnalyzer.Analyze([new SourceFile("main.cs", "var x = args.Length;\nConsole.WriteLine(x);\n")]);

        Assert.Empty(report.Diagnostics);
        Assert.Equal(2, report.Totals.Lines);
    }

    [Theory]
    [InlineData("class {", "main.cs line 1")]
    [InlineData("public class A { void M() { int x = ; } }", "main.cs line 1")]
    [InlineData("this is not C#", "CS")]
    public void Source_that_does_not_parse_is_refused_with_its_syntax_errors(string source, string expected)
    {
        var refused = Assert.Throws<ArgumentException>(() => CSharpAnalyzer.Analyze([new SourceFile("main.cs", source)]));

        Assert.StartsWith("The source does not parse as C#", refused.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal("source", refused.ParamName);
    }
}
