namespace Rayswarm.Runtime.CodeGen;

/// <summary>Writes the assembly's grain code module: one registration per proxy (with its request types) and per grain class.</summary>
internal static class ModuleWriter
{
    private const string Abstractions = "global::Rayswarm.Runtime.Abstractions.";

    public static string Write(string moduleName, IReadOnlyList<ProxyRegistration> proxies, IReadOnlyList<GrainClassModel> classes)
    {
        var writer = new SourceWriter().FileHeader()
            .Line($"[assembly: {Abstractions}GrainCodeModuleAttribute(typeof(global::{GeneratedNames.Namespace}.{moduleName}))]")
            .Line()
            .Open($"namespace {GeneratedNames.Namespace}")
            .Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {moduleName} : {Abstractions}IGrainCodeModule")
            .Open($"public void Register({Abstractions}GrainCodeRegistry registry)");
        foreach (var proxy in proxies)
        {
            writer.Line($"registry.AddInterface(new {Abstractions}GrainInterfaceMetadata(typeof({proxy.InterfaceTypeName}), "
                + $"static (id, rt) => new global::{GeneratedNames.Namespace}.{proxy.ProxyName}(id, rt)));")
                .Line($"global::{GeneratedNames.Namespace}.{proxy.ProxyName}.{ProxyWriter.RegisterRequests}(registry);");
        }
        foreach (var grainClass in classes)
        {
            WriteClass(writer, grainClass);
        }
        return writer.Close().Close().Close().ToString();
    }

    private static void WriteClass(SourceWriter writer, GrainClassModel model)
    {
        var interfaces = string.Join(", ", model.Interfaces.Select(static i => $"typeof({i})"));
        writer.Open($"registry.AddGrainClass(new {Abstractions}GrainClassMetadata")
            .Line($"ClassType = typeof({model.TypeName}),")
            .Line($"GrainType = {Literals.String(model.GrainType)},")
            .Line($"Interfaces = new global::System.Type[] {{ {interfaces} }},")
            .Line($"IsReentrant = {(model.IsReentrant ? "true" : "false")},");
        if (model.StatelessWorkerMaxLocal is { } maxLocal)
        {
            writer.Line($"StatelessWorkerMaxLocal = {ProxyWriter.Index(maxLocal)},");
        }
        if (model.CollectionAge is { } age)
        {
            writer.Line($"CollectionAge = {age},");
        }
        writer.Line($"Create = static (sp, ctx) => new {model.TypeName}({string.Join(", ", model.ConstructorArguments)}),")
            .Close(");");
    }
}
