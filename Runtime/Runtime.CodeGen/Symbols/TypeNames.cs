using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>How generated code names types: fully qualified with <c>global::</c>, nullable annotations kept.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat s_format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The type as written in a declaration, e.g. <c>string?</c> or <c>global::System.Collections.Generic.List&lt;int&gt;</c>.</summary>
    public static string Of(ITypeSymbol type) => type.ToDisplayString(s_format);

    /// <summary>
    /// The type as <c>typeof</c> accepts it: no top-level nullable reference annotation, and <c>dynamic</c> (which
    /// <c>typeof</c> rejects) as the <c>object</c> it is at run time.
    /// </summary>
    public static string ForTypeOf(ITypeSymbol type, Compilation compilation)
    {
        var erased = ContainsDynamic(type) ? EraseDynamic(type, compilation) : type;
        return Of(erased.IsReferenceType ? erased.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : erased);
    }

    public static bool IsNullableValueType(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    private static bool ContainsDynamic(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => true,
        IArrayTypeSymbol array => ContainsDynamic(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsDynamic) || (named.ContainingType is { } outer && ContainsDynamic(outer)),
        _ => false,
    };

    private static ITypeSymbol EraseDynamic(ITypeSymbol type, Compilation compilation) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => compilation.GetSpecialType(SpecialType.System_Object),
        IArrayTypeSymbol array => compilation.CreateArrayTypeSymbol(EraseDynamic(array.ElementType, compilation), array.Rank),
        INamedTypeSymbol { IsTupleType: true } tuple =>
            compilation.CreateTupleTypeSymbol([.. tuple.TupleElements.Select(e => EraseDynamic(e.Type, compilation))]),
        INamedTypeSymbol { Arity: > 0 } named when named.ContainingType is null || !ContainsDynamic(named.ContainingType) =>
            named.OriginalDefinition.Construct([.. named.TypeArguments.Select(a => EraseDynamic(a, compilation))]),
        _ => type,
    };
}
