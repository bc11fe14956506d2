using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Rayswarm.Domains.Code;

/// <summary>
/// McCabe's cyclomatic complexity of a member: 1, plus 1 for each <c>if</c>, <c>while</c>, <c>do</c>, <c>for</c>,
/// <c>foreach</c>, <c>case</c> label (not <c>default</c>), switch expression arm (not the discard <c>_</c>), <c>catch</c>,
/// conditional <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c> and <c>??=</c>. Lambdas and local functions count
/// toward the member that contains them.
/// </summary>
public static class ComplexityCounter
{
    /// <summary>The complexity of <paramref name="member"/> (a method, accessor, constructor, …).</summary>
    public static int Of(SyntaxNode member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var complexity = 1;
        foreach (var node in member.DescendantNodesAndSelf())
        {
            complexity += node switch
            {
                IfStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
                    or CommonForEachStatementSyntax or CatchClauseSyntax or ConditionalExpressionSyntax => 1,
                CaseSwitchLabelSyntax or CasePatternSwitchLabelSyntax => 1,
                SwitchExpressionArmSyntax arm => arm.Pattern is DiscardPatternSyntax && arm.WhenClause is null ? 0 : 1,
                BinaryExpressionSyntax binary => binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression
                    or SyntaxKind.CoalesceExpression ? 1 : 0,
                AssignmentExpressionSyntax assignment => assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) ? 1 : 0,
                _ => 0,
            };
        }
        return complexity;
    }
}
