using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Domains.Code;

/// <summary>The symbol outline of a file: its namespaces, types and members as declared (<see cref="OutlineSymbol"/>).</summary>
internal static class Outline
{
    private static readonly HashSet<string> s_typeKinds = ["class", "struct", "record", "record struct", "interface", "enum", "delegate"];

    public static IReadOnlyList<OutlineSymbol> Of(CompilationUnitSyntax root, string path) => Members(root.Members, path);

    /// <summary>How many types the outline declares, nested ones included.</summary>
    public static int CountTypes(IEnumerable<OutlineSymbol> symbols) =>
        symbols.Sum(s => (s_typeKinds.Contains(s.Kind) ? 1 : 0) + CountTypes(s.Members));

    private static IReadOnlyList<OutlineSymbol> Members(SyntaxList<MemberDeclarationSyntax> members, string path) =>
        [.. members.SelectMany(m => Symbols(m, path))];

    private static IEnumerable<OutlineSymbol> Symbols(MemberDeclarationSyntax member, string path)
    {
        var line = member.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        switch (member)
        {
            case BaseNamespaceDeclarationSyntax ns:
                yield return new("namespace", ns.Name.ToString(), path, line, Members(ns.Members, path));
                break;
            case RecordDeclarationSyntax record:
                yield return new(record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    record.Identifier.ValueText + record.TypeParameterList, path, line, Members(record.Members, path));
                break;
            case TypeDeclarationSyntax type:
                yield return new(type.Keyword.ValueText, type.Identifier.ValueText + type.TypeParameterList, path, line, Members(type.Members, path));
                break;
            case EnumDeclarationSyntax e:
                yield return new("enum", e.Identifier.ValueText, path, line,
                    [.. e.Members.Select(m => new OutlineSymbol("enum member", m.Identifier.ValueText, path, m.GetLocation().GetLineSpan().StartLinePosition.Line + 1, []))]);
                break;
            case DelegateDeclarationSyntax d:
                yield return Leaf("delegate", d.Identifier.ValueText + Parameters(d.ParameterList));
                break;
            case MethodDeclarationSyntax m:
                yield return Leaf("method", m.Identifier.ValueText + m.TypeParameterList + Parameters(m.ParameterList));
                break;
            case ConstructorDeclarationSyntax c:
                yield return Leaf("constructor", c.Identifier.ValueText + Parameters(c.ParameterList));
                break;
            case DestructorDeclarationSyntax d:
                yield return Leaf("destructor", "~" + d.Identifier.ValueText);
                break;
            case OperatorDeclarationSyntax o:
                yield return Leaf("operator", "operator " + o.OperatorToken.ValueText + Parameters(o.ParameterList));
                break;
            case ConversionOperatorDeclarationSyntax c:
                yield return Leaf("conversion", $"{c.ImplicitOrExplicitKeyword.ValueText} operator {c.Type}");
                break;
            case PropertyDeclarationSyntax p:
                yield return Leaf("property", p.Identifier.ValueText);
                break;
            case IndexerDeclarationSyntax i:
                yield return Leaf("indexer", "this[" + string.Join(", ", i.ParameterList.Parameters.Select(p => p.Type?.ToString())) + "]");
                break;
            case EventDeclarationSyntax e:
                yield return Leaf("event", e.Identifier.ValueText);
                break;
            case EventFieldDeclarationSyntax e:
                foreach (var v in e.Declaration.Variables) { yield return Leaf("event", v.Identifier.ValueText); }
                break;
            case FieldDeclarationSyntax f:
                foreach (var v in f.Declaration.Variables) { yield return Leaf("field", v.Identifier.ValueText); }
                break;
        }

        OutlineSymbol Leaf(string kind, string name) => new(kind, name, path, line, []);
    }

    private static string Parameters(BaseParameterListSyntax list) =>
        "(" + string.Join(", ", list.Parameters.Select(p => p.Type?.ToString() ?? p.Identifier.ValueText)) + ")";
}
