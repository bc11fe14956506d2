using System.Globalization;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>Writes the proxy of a grain interface and the request type of each of its methods.</summary>
internal static class ProxyWriter
{
    private const string Abstractions = "global::Rayswarm.Runtime.Abstractions.";
    private const string Task = "global::System.Threading.Tasks.Task";

    /// <summary>The proxy's static method that registers the request types of its methods.</summary>
    public const string RegisterRequests = "RegisterRequests";

    public static string Write(InterfaceModel model)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Open($"namespace {GeneratedNames.Namespace}");
        WriteProxy(writer, model);
        foreach (var method in model.Methods)
        {
            writer.Line();
            RequestWriter.Write(writer, method);
        }
        writer.Close();
        return writer.ToString();
    }

    private static void WriteProxy(SourceWriter writer, InterfaceModel model)
    {
        writer.Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {model.ProxyName} : {Abstractions}GrainReference, {model.TypeName}")
            .Line($"public {model.ProxyName}({Abstractions}GrainId grainId, {Abstractions}IGrainCallRuntime runtime)")
            .Line("    : base(grainId, runtime)")
            .Line("{")
            .Line("}");
        foreach (var method in model.Methods)
        {
            var parameters = string.Join(", ", method.ParameterTypes.Select(static (type, i) => $"{type} arg{Index(i)}"));
            var initializer = method.ParameterTypes.Count == 0
                ? "()"
                : " { " + string.Join(", ", method.ParameterTypes.Select(static (_, i) => $"Arg{Index(i)} = arg{Index(i)}")) + " }";
            var returnType = method.ResultType is null ? Task : $"{Task}<{method.ResultType}>";
            var invoke = method.ResultType is null ? "InvokeAsync" : $"InvokeAsync<{method.ResultType}>";
            writer.Line()
                .Open($"{returnType} {method.DeclaringInterface}.{method.Identifier}({parameters})")
                .Line($"return Runtime.{invoke}(this, new global::{GeneratedNames.Namespace}.{method.RequestName}{initializer});")
                .Close();
        }
        WriteRequestRegistration(writer, model);
        writer.Close();
    }

    /// <summary>The module calls this, so it needs only the proxy's name and method edits leave it untouched.</summary>
    private static void WriteRequestRegistration(SourceWriter writer, InterfaceModel model)
    {
        writer.Line()
            .Open($"internal static void {RegisterRequests}({Abstractions}GrainCodeRegistry registry)");
        foreach (var method in model.Methods)
        {
            var request = $"global::{GeneratedNames.Namespace}.{method.RequestName}";
            writer.Line($"registry.AddRequest({request}.Metadata, static () => new {request}());");
        }
        writer.Close();
    }

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
