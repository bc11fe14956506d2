using System.Globalization;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// Writes the request type of one grain method: its arguments as fields, a direct call on the grain, and the method
/// id (as a constant, with the signature it is computed from) that names the method on the wire.
/// </summary>
internal static class RequestWriter
{
    private const string Abstractions = "global::Rayswarm.Runtime.Abstractions.";
    private const string OutOfRange = "throw new global::System.ArgumentOutOfRangeException(nameof(index))";

    public static void Write(SourceWriter writer, MethodModel method)
    {
        var count = method.ParameterTypes.Count;
        var arguments = string.Join(", ", Enumerable.Range(0, count).Select(static i => "Arg" + ProxyWriter.Index(i)));
        writer.Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {method.RequestName} : {Abstractions}Request")
            .Line($"internal const string Signature = {Literals.String(method.Signature)};")
            .Line()
            .Line($"internal const uint MethodId = 0x{method.MethodId.ToString("X8", CultureInfo.InvariantCulture)}u;")
            .Line()
            .Line($"internal static readonly {Abstractions}MethodMetadata Metadata = new({Metadata(method)});")
            .Line();
        for (var i = 0; i < count; i++)
        {
            writer.Line($"public {method.ParameterTypes[i]} Arg{ProxyWriter.Index(i)} = default!;");
        }
        if (count > 0) { writer.Line(); }

        writer.Line($"public override {Abstractions}MethodMetadata Method => Metadata;")
            .Line()
            .Line($"public override int ArgumentCount => {ProxyWriter.Index(count)};")
            .Line()
            .Line($"public override global::System.Threading.Tasks.Task Invoke(object grain) => (({method.DeclaringInterface})grain).{method.Identifier}({arguments});")
            .Line()
            .Line(method.ResultType is null
                ? "public override object? GetResult(global::System.Threading.Tasks.Task completed) => null;"
                : $"public override object? GetResult(global::System.Threading.Tasks.Task completed) => ((global::System.Threading.Tasks.Task<{method.ResultType}>)completed).Result;")
            .Line()
            .Open("public override object? GetArgument(int index) => index switch");
        for (var i = 0; i < count; i++)
        {
            // Each arm boxes its own field; without the cast the arms would share a converted type.
            writer.Line($"{ProxyWriter.Index(i)} => (object?)Arg{ProxyWriter.Index(i)},");
        }
        writer.Line($"_ => {OutOfRange},")
            .Close(";")
            .Line()
            .Open("public override void SetArgument(int index, object? value)")
            .Open("switch (index)");
        for (var i = 0; i < count; i++)
        {
            writer.Line($"case {ProxyWriter.Index(i)}: Arg{ProxyWriter.Index(i)} = ({method.ParameterTypes[i]})value!; break;");
        }
        writer.Line($"default: {OutOfRange};")
            .Close()
            .Close()
            .Close();
    }

    private static string Metadata(MethodModel method)
    {
        var resultType = method.ResultTypeOf is null ? "null" : $"typeof({method.ResultTypeOf})";
        var parameterTypes = method.ParameterTypesOf.Count == 0
            ? "global::System.Type.EmptyTypes"
            : "new global::System.Type[] { " + string.Join(", ", method.ParameterTypesOf.Select(static t => $"typeof({t})")) + " }";
        var timeout = method.ResponseTimeout is null
            ? "null"
            : $"global::System.TimeSpan.Parse({Literals.String(method.ResponseTimeout)}, global::System.Globalization.CultureInfo.InvariantCulture)";
        return $"typeof({method.DeclaringInterface}), {Literals.String(method.Name)}, {resultType}, {parameterTypes}, MethodId, "
            + $"{Bool(method.IsReadOnly)}, {Bool(method.IsAlwaysInterleave)}, {timeout}";
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
