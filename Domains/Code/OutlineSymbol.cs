namespace Rayswarm.Domains.Code;

/// <summary>A declared symbol in the outline: a namespace, a type or a member, with what it contains.</summary>
/// <param name="Kind"><c>namespace</c>, <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>,
/// <c>enum</c>, <c>delegate</c>, <c>method</c>, <c>constructor</c>, <c>destructor</c>, <c>operator</c>, <c>conversion</c>,
/// <c>property</c>, <c>indexer</c>, <c>field</c>, <c>event</c> or <c>enum member</c>.</param>
/// <param name="Name">Its name (a method's with its parameter types, e.g. <c>Add(int, int)</c>).</param>
/// <param name="Path">The file.</param>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Members">What it declares (empty for a member).</param>
public sealed record OutlineSymbol(string Kind, string Name, string Path, int Line, IReadOnlyList<OutlineSymbol> Members);
