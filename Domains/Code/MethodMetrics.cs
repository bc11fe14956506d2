namespace Rayswarm.Domains.Code;

/// <summary>The size and complexity of one method-like member (<see cref="ComplexityCounter"/>).</summary>
/// <param name="Name">The member, qualified by its types, e.g. <c>Parser.Next</c>, <c>Parser..ctor</c>, <c>Parser.Count.get</c>.</param>
/// <param name="Kind"><c>method</c>, <c>constructor</c>, <c>destructor</c>, <c>operator</c>, <c>conversion</c> or <c>accessor</c>.</param>
/// <param name="Path">The file.</param>
/// <param name="Line">Its first line (its declaration, attributes excluded), from 1.</param>
/// <param name="EndLine">Its last line.</param>
/// <param name="Length">Its lines: <paramref name="EndLine"/> − <paramref name="Line"/> + 1.</param>
/// <param name="Complexity">Its cyclomatic complexity.</param>
public sealed record MethodMetrics(string Name, string Kind, string Path, int Line, int EndLine, int Length, int Complexity);
