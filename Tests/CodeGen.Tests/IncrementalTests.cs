using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rayswarm.Runtime.CodeGen;

namespace Rayswarm.CodeGen.Tests;

public sealed class IncrementalTests
{
    [Fact]
    public void Unrelated_edit_reuses_every_grain_interface_and_class_model()
    {
        var compilation = Generation.Compile(ValidSample.Source);
        var driver = Generation.CreateTrackingDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Sample.Extra { public sealed class Unrelated { } }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in new[] { GrainCodeGenerator.InterfacesStep, GrainCodeGenerator.ClassesStep })
        {
            var outputs = result.TrackedSteps[step].SelectMany(static s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs),
            static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
