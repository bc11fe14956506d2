using Microsoft.CodeAnalysis.CSharp;

namespace Rayswarm.Domains.Code.Tests;

/// <summary>Cyclomatic complexity of known methods, counted by hand from the rule in <see cref="ComplexityCounter"/>.</summary>
public sealed class ComplexityCounterTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;

        class Sample
        {
            int Straight(int a) { return a + 1; }

            int Branches(int a, bool b)
            {
                if (a > 0 && b) { return 1; }
                else if (a < 0) { return -1; }
                return b ? 2 : 3;
            }

            int Loops(int[] xs)
            {
                var s = 0;
                for (var i = 0; i < xs.Length; i++) { s += xs[i]; }
                foreach (var x in xs) { s += x; }
                while (s > 100) { s /= 2; }
                do { s++; } while (s < 3);
                return s;
            }

            string Switches(int a, string t)
            {
                switch (a) { case 1: return "one"; case 2: case 3: return "few"; default: break; }
                var k = a switch { 0 => "zero", < 0 => "neg", _ => "pos" };
                try { return k + (t ?? "none"); }
                catch (InvalidOperationException) { return "x"; }
                catch (Exception) { throw; }
            }

            void Lambdas(List<int> xs, string t)
            {
                xs.ForEach(x => { if (x > 0 || x < -5) { t ??= "seen"; } });
                int Local(int y) => y > 0 ? y : -y;
            }

            int Expression => DateTime.Now.Second > 30 ? 1 : 0;
        }
        """;

    [Theory]
    [InlineData("Sample.Straight", 1)]
    [InlineData("Sample.Branches", 5)] // if, &&, else if, ?:
    [InlineData("Sample.Loops", 5)] // for, foreach, while, do
    [InlineData("Sample.Switches", 9)] // three case labels, two non-discard arms, ??, two catches
    [InlineData("Sample.Lambdas", 5)] // the lambda's if and ||, ??=, the local function's ?:
    [InlineData("Sample.Expression.get", 2)] // ?:
    public void Each_method_has_its_hand_counted_complexity(string method, int complexity)
    {
        var report = CSharpAnalyzer.Analyze([new SourceFile("sample.cs", Source)]);

        Assert.Equal(complexity, Assert.Single(report.Methods, m => m.Name == method).Complexity);
    }

    [Fact]
    public void The_counter_works_on_a_bare_syntax_node()
    {
        var method = CSharpSyntaxTree.ParseText("class A { void M(bool a, bool b) { if (a || b) { } } }").GetRoot()
            .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();

        Assert.Equal(3, ComplexityCounter.Of(method));
    }
}
