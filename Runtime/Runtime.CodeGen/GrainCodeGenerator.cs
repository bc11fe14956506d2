using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// Generates, for the compilation it runs in, a proxy and per-method request types for every grain interface it
/// declares, a registration for every grain class it declares, and one <c>IGrainCodeModule</c> that registers both.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainCodeGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the grain interface models, for incrementality tests.</summary>
    public const string InterfacesStep = "GrainInterfaces";

    /// <summary>Tracking name of the grain class models, for incrementality tests.</summary>
    public const string ClassesStep = "GrainClasses";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => InterfaceReader.IsCandidate(node), static (ctx, ct) => InterfaceReader.Read(ctx, ct))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(InterfacesStep);

        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => GrainClassReader.IsCandidate(node), static (ctx, ct) => GrainClassReader.Read(ctx, ct))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(ClassesStep);

        context.RegisterSourceOutput(interfaces, static (spc, model) =>
        {
            Report(spc, model.Diagnostics);
            if (model.ProxyName is not null)
            {
                spc.AddSource(model.ProxyName + ".g.cs", ProxyWriter.Write(model));
            }
        });

        context.RegisterSourceOutput(classes, static (spc, model) => Report(spc, model.Diagnostics));

        var proxies = interfaces
            .Where(static model => model.ProxyName is not null)
            .Select(static (model, _) => new ProxyRegistration(model.TypeName, model.ProxyName!))
            .Collect();
        var registeredClasses = classes.Where(static model => model.IsRegistered).Collect();
        var moduleName = context.CompilationProvider.Select(static (compilation, _) => GeneratedNames.Module(compilation.AssemblyName));

        context.RegisterSourceOutput(proxies.Combine(registeredClasses).Combine(moduleName), static (spc, input) =>
        {
            var ((proxyList, classList), name) = input;
            if (proxyList.IsEmpty && classList.IsEmpty) { return; }
            spc.AddSource(name + ".g.cs", ModuleWriter.Write(name, proxyList, classList));
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
