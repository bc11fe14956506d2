using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.CodeGen;

namespace Rayswarm.CodeGen.Tests;

/// <summary>Compiles a snippet against the running runtime's assemblies and runs the generator over it.</summary>
internal static class Generation
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> s_references = new(LoadReferences);

    public static CSharpCompilation Compile(string source, string assemblyName = "Sample.Grains", params MetadataReference[] references) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, s_parseOptions, path: assemblyName + ".cs")],
            [.. s_references.Value, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GenerationResult Run(string source, params MetadataReference[] references)
    {
        var compilation = Compile(source, "Sample.Grains", references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new GrainCodeGenerator().AsSourceGenerator()], parseOptions: s_parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GenerationResult(output, generatorDiagnostics, driver.GetRunResult());
    }

    /// <summary>The platform assembly of a name (e.g. Microsoft.CSharp, for samples that use <c>dynamic</c>).</summary>
    public static MetadataReference PlatformReference(string assemblyName) =>
        MetadataReference.CreateFromFile(((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Single(path => Path.GetFileNameWithoutExtension(path) == assemblyName));

    public static GeneratorDriver CreateTrackingDriver() =>
        CSharpGeneratorDriver.Create(
            [new GrainCodeGenerator().AsSourceGenerator()],
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"));
        string[] runtime = [typeof(Grain).Assembly.Location, typeof(ServiceProviderServiceExtensions).Assembly.Location];
        return platform.Concat(runtime)
            .Distinct(StringComparer.Ordinal)
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}

/// <summary>The compilation with the generated sources, the generator's diagnostics, and its run result.</summary>
internal sealed record GenerationResult(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
{
    public IEnumerable<string> GeneratedHintNames => RunResult.Results.SelectMany(static r => r.GeneratedSources).Select(static s => s.HintName);

    public string GeneratedText(string hintName) =>
        RunResult.Results.SelectMany(static r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Emits the output and loads it in a context of its own.</summary>
    public Assembly Load(string contextName)
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The sample did not emit: " + string.Join("; ", emitted.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        }
        image.Position = 0;
        // Rayswarm.Runtime.Abstractions resolves to the test's copy, so the types are shared.
        return new AssemblyLoadContext(contextName, isCollectible: true).LoadFromStream(image);
    }
}
