using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Rayswarm.CodeGen.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Rayswarm.Runtime.Abstractions;

        """;

    [Fact]
    public void Method_returning_ValueTask_is_RSG001()
    {
        var result = InterfaceWith("ValueTask<int> Get();");
        var diagnostic = Single(result, "RSG001");

        Assert.Equal("Grain interface method Sample.IBad.Get must return Task or Task<T>; ValueTask and other types are not supported", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        AssertAt(result, diagnostic, "Get");
    }

    [Fact]
    public void Method_returning_void_is_RSG001() => Single(InterfaceWith("void Fire();"), "RSG001");

    [Theory]
    [InlineData("ref")]
    [InlineData("out")]
    [InlineData("in")]
    [InlineData("ref readonly")]
    public void By_reference_parameter_is_RSG002(string modifier)
    {
        var result = InterfaceWith($"Task Set({modifier} int value);");
        var diagnostic = Single(result, "RSG002");

        Assert.Contains($"Sample.IBad.Set has the {modifier} parameter 'value'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "Set");
    }

    [Fact]
    public void Ref_struct_parameter_is_RSG002()
    {
        var result = InterfaceWith("Task Write(ReadOnlySpan<byte> data);");
        var diagnostic = Single(result, "RSG002");

        Assert.Contains("Sample.IBad.Write has the ref struct parameter 'data'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "Write");
    }

    [Fact]
    public void Generic_method_is_RSG003()
    {
        var result = InterfaceWith("Task Put<T>(T item);");
        var diagnostic = Single(result, "RSG003");

        Assert.Contains("Sample.IBad.Put is generic", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "Put");
    }

    [Theory]
    [InlineData("int Count { get; }", "Count", "property", "Count")]
    [InlineData("event EventHandler Changed;", "Changed", "event", "Changed")]
    [InlineData("int this[int index] { get; }", "this[]", "indexer", "this")]
    public void Property_event_or_indexer_is_RSG004(string member, string name, string kind, string located)
    {
        var result = InterfaceWith(member);
        var diagnostic = Single(result, "RSG004");

        Assert.Contains($"Sample.IBad declares the {kind} {name}", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, located);
    }

    [Fact]
    public void Generic_grain_interface_is_RSG005()
    {
        var result = Generation.Run(Usings + "namespace Sample; public interface IBox<T> : IGrainWithStringKey { Task Put(T item); }");

        var diagnostic = Single(result, "RSG005");
        Assert.Contains("Grain interface Sample.IBox<T> is generic", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "IBox");
    }

    [Fact]
    public void Grain_class_without_public_constructor_is_RSG006()
    {
        var result = GrainClassWith("private Worker() { }");
        var diagnostic = Single(result, "RSG006");

        Assert.Contains("Grain class Sample.Worker has no public constructor", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "Worker");
    }

    [Fact]
    public void Persistent_state_parameter_that_is_not_IPersistentState_is_RSG007()
    {
        var result = GrainClassWith("public Worker([PersistentState(\"s\")] State state) { }");
        var diagnostic = Single(result, "RSG007");

        Assert.Contains("Parameter 'state' of grain class Sample.Worker has [PersistentState] but its type Sample.State is not IPersistentState<T>", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "state");
    }

    [Fact]
    public void Private_nested_grain_interface_is_RSG008()
    {
        var result = Generation.Run(Usings + "namespace Sample; public class Outer { private interface IHidden : IGrainWithStringKey { Task Ping(); } }");

        AssertAt(result, Single(result, "RSG008"), "IHidden");
    }

    [Fact]
    public void Response_timeout_that_is_not_a_time_span_is_RSG009()
    {
        var result = InterfaceWith("[ResponseTimeout(\"soon\")] Task Ping();");
        var diagnostic = Single(result, "RSG009");

        AssertAt(result, diagnostic, "Ping");
    }

    [Fact]
    public void Valid_grain_code_has_no_diagnostics()
    {
        Assert.Empty(SampleAssembly.Result.GeneratorDiagnostics);
        Assert.Empty(Generation.Run(Usings + "namespace Sample; public interface IGood : IGrainWithStringKey { Task Ping(); }").GeneratorDiagnostics);
    }

    [Fact]
    public void Invalid_interface_gets_no_proxy_but_the_rest_is_still_generated()
    {
        var result = Generation.Run(Usings + """
            namespace Sample;
            public interface IBad : IGrainWithStringKey { ValueTask Ping(); Task Set(out int value); int Count { get; } }
            public interface IGood : IGrainWithStringKey { Task Ping(); }
            """);

        Assert.Equal(["RSG001", "RSG002", "RSG004"], result.GeneratorDiagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["Sample_GrainsGrainCodeModule.g.cs", "Sample_IGoodProxy.g.cs"], result.GeneratedHintNames.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("IBad", result.GeneratedText("Sample_GrainsGrainCodeModule.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_in_a_base_interface_is_reported_once_and_derived_interfaces_get_no_proxy()
    {
        var result = Generation.Run(Usings + """
            namespace Sample;
            public interface IBase : IGrainWithStringKey { ValueTask Ping(); }
            public interface IDerived : IBase { Task Pong(); }
            """);

        AssertAt(result, Single(result, "RSG001"), "Ping");
        Assert.Empty(result.GeneratedHintNames);
    }

    [Fact]
    public void Problem_in_a_base_interface_from_another_assembly_is_reported_at_the_deriving_interface()
    {
        var foreign = Generation.Compile(Usings + "namespace Foreign; public interface IForeign : IGrainWithStringKey { ValueTask Old(); }", "Foreign");
        var result = Generation.Run(Usings + "namespace Sample; public interface ILocal : Foreign.IForeign { Task New(); }", foreign.ToMetadataReference());

        var diagnostic = Single(result, "RSG001");
        Assert.Contains("Foreign.IForeign.Old must return Task", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "ILocal");
        Assert.Empty(result.GeneratedHintNames);
    }

    [Fact]
    public void Private_nested_grain_class_is_RSG008()
    {
        var result = Generation.Run(Usings + """
            namespace Sample;
            public interface IWorker : IGrainWithStringKey { Task Work(); }
            public class Outer { private sealed class Hidden : Grain, IWorker { public Task Work() => Task.CompletedTask; } }
            """);

        var diagnostic = Single(result, "RSG008");
        Assert.Contains("Grain class Sample.Outer.Hidden is not accessible", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        AssertAt(result, diagnostic, "Hidden");
        Assert.DoesNotContain("Hidden", result.GeneratedText("Sample_GrainsGrainCodeModule.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compilation_without_grain_code_gets_no_output()
    {
        var result = Generation.Run(Usings + "namespace Sample; public interface IPlain : IDisposable { } public sealed class Plain { }");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.GeneratedHintNames);
    }

    private static GenerationResult InterfaceWith(string member) =>
        Generation.Run(Usings + $$"""
            namespace Sample;
            public interface IBad : IGrainWithStringKey
            {
                Task Fine();
                {{member}}
            }
            """);

    private static GenerationResult GrainClassWith(string constructor) =>
        Generation.Run(Usings + $$"""
            namespace Sample;
            public interface IWorker : IGrainWithStringKey { Task Work(); }
            public sealed class State { }
            public sealed class Worker : Grain, IWorker
            {
                {{constructor}}
                public Task Work() => Task.CompletedTask;
            }
            """);

    private static Diagnostic Single(GenerationResult result, string id)
    {
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    /// <summary>The diagnostic points at the named identifier of the snippet.</summary>
    private static void AssertAt(GenerationResult result, Diagnostic diagnostic, string identifier)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var text = result.Output.SyntaxTrees.Single(t => t.FilePath == path).GetText().ToString();
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal(identifier, text.Substring(span.Start, span.Length));
    }
}
