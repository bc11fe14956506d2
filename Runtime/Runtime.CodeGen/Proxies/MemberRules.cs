using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>Checks the members of one interface a proxy must implement and collects its methods.</summary>
internal sealed class MemberRules(List<DiagnosticInfo> diagnostics)
{
    /// <summary>
    /// Adds the implementable methods of <paramref name="declaring"/> to <paramref name="methods"/> and returns false if
    /// any member cannot be proxied. Problems are reported at the member, or at <paramref name="reportAt"/> when given
    /// (members inherited from another assembly), and only when <paramref name="report"/> is set.
    /// </summary>
    public bool Check(INamedTypeSymbol declaring, LocationInfo? reportAt, bool report, List<IMethodSymbol> methods)
    {
        var ok = true;
        var display = declaring.ToDisplayString();
        foreach (var member in declaring.GetMembers())
        {
            var problems = member switch
            {
                IMethodSymbol { MethodKind: MethodKind.Ordinary } method => CheckMethod(method, display, methods),
                IPropertySymbol property when MustBeImplemented(property) =>
                    [(Diagnostics.NonMethodMember, new[] { display, property.Name, property.IsIndexer ? "indexer" : "property" })],
                IEventSymbol @event when MustBeImplemented(@event) =>
                    [(Diagnostics.NonMethodMember, new[] { display, @event.Name, "event" })],
                _ => [],
            };
            foreach (var (descriptor, arguments) in problems)
            {
                ok = false;
                if (report) { diagnostics.Add(DiagnosticInfo.Create(descriptor, reportAt ?? LocationInfo.From(member), arguments)); }
            }
        }
        return ok;
    }

    private static List<(DiagnosticDescriptor, string[])> CheckMethod(IMethodSymbol method, string display, List<IMethodSymbol> methods)
    {
        var problems = new List<(DiagnosticDescriptor, string[])>();
        if (method.IsStatic)
        {
            // Static methods with a body need nothing from a proxy; a static abstract one cannot be proxied.
            if (method.IsAbstract) { problems.Add((Diagnostics.NonMethodMember, [display, method.Name, "static abstract method"])); }
            return problems;
        }
        if (!MustBeImplemented(method)) { return problems; }

        if (!GrainSymbols.IsTask(method.ReturnType) && !GrainSymbols.IsTaskOfT(method.ReturnType))
        {
            problems.Add((Diagnostics.MethodMustReturnTask, [display, method.Name]));
        }
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                // A ref struct cannot be stored in a request's field any more than a reference can.
                var kind = parameter.RefKind != RefKind.None ? RefKindName(parameter.RefKind) : "ref struct";
                problems.Add((Diagnostics.ByReferenceParameter, [display, method.Name, kind, parameter.Name]));
            }
        }
        if (method.IsGenericMethod)
        {
            problems.Add((Diagnostics.GenericMethod, [display, method.Name]));
        }
        if (GrainSymbols.FindAttribute(method, "ResponseTimeoutAttribute") is { } timeout)
        {
            var text = timeout.ConstructorArguments.FirstOrDefault().Value as string;
            if (text is null || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _))
            {
                problems.Add((Diagnostics.InvalidResponseTimeout, [display, method.Name, text ?? "null"]));
            }
        }
        if (problems.Count == 0) { methods.Add(method); }
        return problems;
    }

    /// <summary>Abstract and default-implemented instance members; private and sealed ones cannot be overridden.</summary>
    private static bool MustBeImplemented(ISymbol member) => !member.IsStatic ? member.IsAbstract || member.IsVirtual : member.IsAbstract;

    private static string RefKindName(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        RefKind.RefReadOnlyParameter => "ref readonly",
        _ => "by-reference",
    };
}
