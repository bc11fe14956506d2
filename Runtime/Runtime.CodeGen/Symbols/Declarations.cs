using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Runtime.CodeGen;

internal static class Declarations
{
    /// <summary>
    /// True when <paramref name="declaration"/> is the first part (of a partial type) that has a base list, so a type
    /// split over several files is read once.
    /// </summary>
    public static bool IsPrimary(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList: not null } candidate)
            {
                return candidate.SyntaxTree == declaration.SyntaxTree && candidate.Span == declaration.Span;
            }
        }
        return false;
    }
}
