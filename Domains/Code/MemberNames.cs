using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Domains.Code;

/// <summary>Which members are measured (those with a body: methods, constructors, destructors, operators, conversions,
/// accessors, expression-bodied properties and indexers) and their names, qualified by their types.</summary>
internal static class MemberNames
{
    public static bool IsMeasured(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
        AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
        BasePropertyDeclarationSyntax p => ExpressionBodyOf(p) is not null,
        _ => false,
    };

    /// <summary>Where the declaration starts after its attributes.</summary>
    public static int DeclarationStart(SyntaxNode member)
    {
        var attributes = member switch
        {
            MemberDeclarationSyntax m => m.AttributeLists,
            AccessorDeclarationSyntax a => a.AttributeLists,
            _ => default,
        };
        return attributes.Count == 0 ? member.SpanStart : attributes.Last().GetLastToken().GetNextToken().SpanStart;
    }

    public static string KindOf(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax => "method",
        ConstructorDeclarationSyntax => "constructor",
        DestructorDeclarationSyntax => "destructor",
        OperatorDeclarationSyntax => "operator",
        ConversionOperatorDeclarationSyntax => "conversion",
        _ => "accessor",
    };

    /// <summary>E.g. <c>Outer.Inner.Run</c>, <c>Parser..ctor</c>, <c>Parser.~Parser</c>, <c>Money.operator +</c>,
    /// <c>Parser.Count.get</c>, <c>Parser.this[].set</c>.</summary>
    public static string Of(SyntaxNode member)
    {
        var own = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            ConstructorDeclarationSyntax c => c.Modifiers.Any(t => t.ValueText == "static") ? ".cctor" : ".ctor",
            DestructorDeclarationSyntax d => "~" + d.Identifier.ValueText,
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText,
            ConversionOperatorDeclarationSyntax c => $"{c.ImplicitOrExplicitKeyword.ValueText} operator {c.Type}",
            AccessorDeclarationSyntax a => $"{PropertyName(a.Parent?.Parent)}.{a.Keyword.ValueText}",
            BasePropertyDeclarationSyntax p => $"{PropertyName(p)}.get",
            _ => "?",
        };
        var types = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse();
        return string.Join('.', [.. types, own]);
    }

    /// <summary>The name of the measured member that contains <paramref name="node"/>, or null.</summary>
    public static string? Containing(SyntaxNode node) =>
        node.AncestorsAndSelf().FirstOrDefault(IsMeasured) is { } member ? Of(member) : null;

    private static string PropertyName(SyntaxNode? property) => property switch
    {
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax e => e.Identifier.ValueText,
        _ => "?",
    };

    private static ArrowExpressionClauseSyntax? ExpressionBodyOf(BasePropertyDeclarationSyntax property) => property switch
    {
        PropertyDeclarationSyntax p => p.ExpressionBody,
        IndexerDeclarationSyntax i => i.ExpressionBody,
        _ => null,
    };
}
