using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>The expression that supplies one grain constructor argument inside <c>static (sp, ctx) =&gt; new C(...)</c>.</summary>
internal static class ConstructorArguments
{
    private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";

    public static string For(IParameterSymbol parameter, string classDisplay, Compilation compilation, List<DiagnosticInfo> diagnostics)
    {
        var type = parameter.Type;
        if (GrainSymbols.FindAttribute(parameter, "PersistentStateAttribute") is { } persistentState)
        {
            if (type is not INamedTypeSymbol named || !GrainSymbols.IsAbstractionsType(named.OriginalDefinition, "IPersistentState`1"))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    Diagnostics.PersistentStateParameterType, LocationInfo.From(parameter), classDisplay, parameter.Name, type.ToDisplayString()));
                return "default!";
            }
            var stateName = persistentState.ConstructorArguments.ElementAtOrDefault(0).Value as string;
            var storageName = persistentState.ConstructorArguments.ElementAtOrDefault(1).Value as string;
            return $"ctx.GetPersistentState<{TypeNames.Of(named.TypeArguments[0])}>({Literals.String(stateName)}, {Literals.String(storageName)})";
        }
        if (GrainSymbols.IsAbstractionsType(type, "IGrainContext")) { return "ctx"; }
        if (GrainSymbols.IsAbstractionsType(type, "IGrainFactory")) { return "ctx.GrainFactory"; }
        if (GrainSymbols.IsServiceProvider(type)) { return "sp"; }

        var serviceType = TypeNames.ForTypeOf(type, compilation);
        if (parameter.HasExplicitDefaultValue || type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            // Optional services: absent means the declared default (or null for a nullable parameter).
            var castType = type.IsValueType && !TypeNames.IsNullableValueType(type) ? serviceType + "?" : TypeNames.Of(type.WithNullableAnnotation(NullableAnnotation.Annotated));
            var lookup = $"({castType})sp.GetService(typeof({serviceType}))";
            if (!parameter.HasExplicitDefaultValue) { return lookup; }
            var fallback = Literals.DefaultValue(parameter);
            if (fallback != "null") { return $"{lookup} ?? {fallback}"; }
            // A null default on a parameter not declared nullable (e.g. "= null!") is the author's choice.
            return type.NullableAnnotation == NullableAnnotation.Annotated ? lookup : lookup + "!";
        }
        return $"{GetRequiredService}<{serviceType}>(sp)";
    }
}
