using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>Turns a grain class declaration into a <see cref="GrainClassModel"/> (pipeline transform).</summary>
internal static class GrainClassReader
{
    public static bool IsCandidate(SyntaxNode node) => node is ClassDeclarationSyntax { BaseList: not null };

    public static GrainClassModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { IsAbstract: false, IsStatic: false } type
            || GrainSymbols.IsGenericOrInGeneric(type)
            || !GrainSymbols.DerivesFromGrain(type))
        {
            return null;
        }
        var interfaces = type.AllInterfaces
            .Where(static i => GrainSymbols.IsGrainInterface(i) && !GrainSymbols.IsMarkerInterface(i))
            .ToList();
        if (interfaces.Count == 0 || !Declarations.IsPrimary(type, declaration, cancellationToken)) { return null; }

        var diagnostics = new List<DiagnosticInfo>();
        var location = LocationInfo.From(declaration.Identifier.GetLocation());
        var display = type.ToDisplayString();
        if (!GrainSymbols.IsAccessibleFromAssembly(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Inaccessible, location, "Grain class", display));
        }

        var constructor = type.InstanceConstructors
            .Where(static c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(static c => c.Parameters.Length)
            .FirstOrDefault();
        var arguments = new List<string>();
        if (constructor is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoPublicConstructor, location, display));
        }
        else
        {
            foreach (var parameter in constructor.Parameters)
            {
                arguments.Add(ConstructorArguments.For(parameter, display, context.SemanticModel.Compilation, diagnostics));
            }
        }

        return new GrainClassModel(
            TypeNames.Of(type),
            GrainTypeName(type),
            interfaces.Where(GrainSymbols.IsAccessibleFromAssembly).Select(static i => TypeNames.Of(i)).ToEquatableArray(),
            GrainSymbols.FindInheritedAttribute(type, "ReentrantAttribute") is not null,
            StatelessWorkerMaxLocal(type),
            CollectionAge.Expression(GrainSymbols.FindInheritedAttribute(type, "CollectionAgeLimitAttribute")),
            arguments.ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    private static string GrainTypeName(INamedTypeSymbol type) =>
        GrainSymbols.FindAttribute(type, "GrainTypeAttribute")?.ConstructorArguments.FirstOrDefault().Value is string { Length: > 0 } name
            ? name
            : type.Name;

    private static int? StatelessWorkerMaxLocal(INamedTypeSymbol type) =>
        GrainSymbols.FindInheritedAttribute(type, "StatelessWorkerAttribute") is { } attribute
            ? attribute.ConstructorArguments.FirstOrDefault().Value as int? ?? 0
            : null;
}
