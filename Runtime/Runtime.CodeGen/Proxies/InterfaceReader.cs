using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>Turns a grain interface declaration into an <see cref="InterfaceModel"/> (pipeline transform).</summary>
internal static class InterfaceReader
{
    public static bool IsCandidate(SyntaxNode node) => node is InterfaceDeclarationSyntax { BaseList: not null };

    public static InterfaceModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
            || !GrainSymbols.IsGrainInterface(type)
            || GrainSymbols.IsMarkerInterface(type)
            || !Declarations.IsPrimary(type, declaration, cancellationToken))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var location = LocationInfo.From(declaration.Identifier.GetLocation());
        var display = type.ToDisplayString();
        if (GrainSymbols.IsGenericOrInGeneric(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericInterface, location, display));
        }
        if (!GrainSymbols.IsAccessibleFromAssembly(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Inaccessible, location, "Grain interface", display));
        }

        var methods = new List<IMethodSymbol>();
        var rules = new MemberRules(diagnostics);
        rules.Check(type, reportAt: null, report: true, methods);
        var inheritedProblems = false;
        foreach (var baseInterface in type.AllInterfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A grain interface of this compilation reports its own problems; report the others' here.
            // (In the IDE another project's types are source symbols too, so compare assemblies, not locations.)
            var reportsItself = GrainSymbols.IsGrainInterface(baseInterface)
                && SymbolEqualityComparer.Default.Equals(baseInterface.ContainingAssembly, type.ContainingAssembly);
            inheritedProblems |= !rules.Check(baseInterface, location, report: !reportsItself, methods);
        }

        if (diagnostics.Count > 0 || inheritedProblems)
        {
            // No proxy; a base interface of this compilation may be the one that reports why.
            return new InterfaceModel(TypeNames.Of(type), ProxyName: null, default, diagnostics.ToEquatableArray());
        }

        var mangled = GeneratedNames.Mangle(type);
        var models = methods.Select((m, i) => ToModel(m, GeneratedNames.Request(mangled, m.Name, i), context.SemanticModel.Compilation)).ToEquatableArray();
        return new InterfaceModel(TypeNames.Of(type), GeneratedNames.Proxy(mangled), models, default);
    }

    private static MethodModel ToModel(IMethodSymbol method, string requestName, Compilation compilation)
    {
        var result = GrainSymbols.IsTaskOfT(method.ReturnType) ? ((INamedTypeSymbol)method.ReturnType).TypeArguments[0] : null;
        var timeout = GrainSymbols.FindAttribute(method, "ResponseTimeoutAttribute");
        var signature = MethodSignatures.Of(method);
        return new MethodModel(
            method.Name,
            TypeNames.Of(method.ContainingType),
            requestName,
            result is null ? null : TypeNames.Of(result),
            result is null ? null : TypeNames.ForTypeOf(result, compilation),
            method.Parameters.Select(static p => TypeNames.Of(p.Type)).ToEquatableArray(),
            method.Parameters.Select(p => TypeNames.ForTypeOf(p.Type, compilation)).ToEquatableArray(),
            signature,
            MethodSignatures.Id(signature),
            GrainSymbols.FindAttribute(method, "ReadOnlyAttribute") is not null,
            GrainSymbols.FindAttribute(method, "AlwaysInterleaveAttribute") is not null,
            timeout?.ConstructorArguments.FirstOrDefault().Value as string);
    }
}
