using System.Reflection;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.CodeGen.Tests;

public sealed class MethodIdTests
{
    private static readonly Lazy<GenerationResult> s_generation =
        new(() => Generation.Run(SignatureSample.Source, Generation.PlatformReference("Microsoft.CSharp")));

    private static readonly Lazy<Assembly> s_assembly = new(() => s_generation.Value.Load("Signatures"));

    [Fact]
    public void Signature_sample_generates_without_diagnostics()
    {
        Assert.Empty(s_generation.Value.GeneratorDiagnostics);
        Assert.Empty(s_generation.Value.Output.GetDiagnostics().Where(static d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_method_id_constants_equal_the_ids_computed_at_run_time_from_reflection()
    {
        var generated = GeneratedRequests(s_assembly.Value);
        var reflected = s_assembly.Value.GetTypes()
            .Where(static t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(static t => t.GetInterfaces().Append(t))
            .Where(static t => t.Assembly != typeof(IGrain).Assembly)
            .Distinct()
            .SelectMany(static t => t.GetMethods())
            .ToDictionary(
                static m => MethodMetadata.Signature(m.DeclaringType!, m.Name, [.. m.GetParameters().Select(static p => p.ParameterType)]),
                static m => m);

        Assert.Equal(reflected.Keys.Order(StringComparer.Ordinal), generated.Select(static r => r.Signature).Distinct().Order(StringComparer.Ordinal));
        foreach (var request in generated)
        {
            var method = reflected[request.Signature];
            Assert.Equal(MethodMetadata.ComputeId(request.Signature), request.MethodId);
            Assert.Equal(request.MethodId, request.Metadata.MethodId);
            Assert.Equal(method.GetParameters().Select(static p => p.ParameterType), request.Metadata.ParameterTypes);
            Assert.Equal(method.DeclaringType, request.Metadata.InterfaceType);
        }
        Assert.Equal(generated.Select(static r => r.Signature).Distinct().Count(), generated.Select(static r => r.MethodId).Distinct().Count());
    }

    [Theory]
    [InlineData("Generics", "Signatures.ISignatures.Generics(System.Collections.Generic.List`1[System.String],"
        + "System.Collections.Generic.Dictionary`2[System.String,System.Int32[]],System.Collections.Generic.IReadOnlyList`1[System.String],"
        + "System.Collections.Generic.KeyValuePair`2[System.Guid,System.Collections.Generic.List`1[System.Nullable`1[System.Int32]]])")]
    [InlineData("Nested", "Signatures.ISignatures.Nested(Signatures.Outer`1+Inner[System.Int32],Signatures.Outer`1+Deep`1[System.String,System.Int64],"
        + "Signatures.Holder+Nested,System.Collections.Generic.List`1[Signatures.Outer`1+Inner[Signatures.Point]],"
        + "Signatures.Outer`1+Deep`1[Signatures.Outer`1+Inner[System.Int32],System.Nullable`1[Signatures.Color]])")]
    [InlineData("Arrays", "Signatures.ISignatures.Arrays(System.Int32[],System.Int32[,],System.Int32[][],System.Int32[][,],System.String[],"
        + "System.Collections.Generic.List`1[System.Int32][],System.Int32[,,],System.Nullable`1[System.Int32][])")]
    [InlineData("Dynamic", "Signatures.ISignatures.Dynamic(System.Object,System.Collections.Generic.List`1[System.Object],System.Object[])")]
    [InlineData("Ping", "IGlobalGrain.Ping(GlobalPoint,GlobalPoint[],Signatures.Color)")]
    [InlineData("Run", "Signatures.Holder+INestedGrain.Run(Signatures.Holder+Nested,Signatures.Holder+Nested[])")]
    [InlineData("class", "Signatures.ISignatures.class(System.String)")]
    public void Signature_names_types_as_reflection_does(string method, string signature)
    {
        Assert.Contains(signature, GeneratedRequests(s_assembly.Value).Where(r => r.Metadata.MethodName == method).Select(static r => r.Signature));
    }

    [Fact]
    public void Redeclared_and_overloaded_methods_get_distinct_ids()
    {
        var empties = GeneratedRequests(s_assembly.Value).Where(static r => r.Metadata.MethodName is "Empty" or "Overloaded").Select(static r => r.Signature).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Signatures.IDerivedSignatures.Empty()", "Signatures.ISignatures.Empty()", "Signatures.ISignatures.Overloaded(System.Int32)", "Signatures.ISignatures.Overloaded(System.Int64)"],
            empties);
    }

    [Fact]
    public void Method_id_is_fnv1a_over_the_utf16_signature()
    {
        Assert.Equal(2166136261u, MethodMetadata.ComputeId(""));
        Assert.Equal(0xE40C292Cu, MethodMetadata.ComputeId("a"));
    }

    [Fact]
    public void Hand_written_metadata_computes_the_id_the_generator_emits_for_the_same_method()
    {
        var handWritten = new MethodMetadata(typeof(IRemindable), nameof(IRemindable.ReceiveReminder), null, [typeof(string), typeof(TickStatus)], false, false, null);
        var generated = GeneratedRequests(SampleAssembly.Assembly).First(static r => r.Metadata.MethodName == nameof(IRemindable.ReceiveReminder));

        Assert.Equal("Rayswarm.Runtime.Abstractions.IRemindable.ReceiveReminder(System.String,Rayswarm.Runtime.Abstractions.TickStatus)", generated.Signature);
        Assert.Equal(generated.MethodId, handWritten.MethodId);
        Assert.Equal(MethodMetadata.ComputeId(generated.Signature), handWritten.MethodId);
    }

    internal static List<GeneratedRequest> GeneratedRequests(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(static t => t.Namespace == "Rayswarm.Generated" && t.IsSubclassOf(typeof(Request)))
            .Select(static t => new GeneratedRequest(
                (string)Constant(t, "Signature"),
                (uint)Constant(t, "MethodId"),
                (MethodMetadata)t.GetField("Metadata", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!))];

    private static object Constant(Type type, string name) => type.GetField(name, BindingFlags.Static | BindingFlags.NonPublic)!.GetRawConstantValue()!;
}

/// <summary>What a generated request type declares about its method.</summary>
internal sealed record GeneratedRequest(string Signature, uint MethodId, MethodMetadata Metadata);
