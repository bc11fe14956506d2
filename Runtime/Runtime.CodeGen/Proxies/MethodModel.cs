namespace Rayswarm.Runtime.CodeGen;

/// <summary>One method a proxy implements, with the request type that carries its calls.</summary>
/// <param name="Name">The method's name, as metadata reports it.</param>
/// <param name="DeclaringInterface">The interface that declares the method, fully qualified.</param>
/// <param name="RequestName">The generated request's simple name.</param>
/// <param name="ResultType">T of <c>Task&lt;T&gt;</c> as declared; null for <c>Task</c>.</param>
/// <param name="ResultTypeOf">T as <c>typeof</c> accepts it.</param>
/// <param name="ParameterTypes">The parameter types as declared.</param>
/// <param name="ParameterTypesOf">The parameter types as <c>typeof</c> accepts them.</param>
/// <param name="Signature">The signature the method id is computed from (see <see cref="MethodSignatures"/>).</param>
/// <param name="MethodId">The method id: FNV-1a of <paramref name="Signature"/>.</param>
/// <param name="IsReadOnly">Marked [ReadOnly].</param>
/// <param name="IsAlwaysInterleave">Marked [AlwaysInterleave].</param>
/// <param name="ResponseTimeout">The [ResponseTimeout] string, or null.</param>
internal sealed record MethodModel(
    string Name,
    string DeclaringInterface,
    string RequestName,
    string? ResultType,
    string? ResultTypeOf,
    EquatableArray<string> ParameterTypes,
    EquatableArray<string> ParameterTypesOf,
    string Signature,
    uint MethodId,
    bool IsReadOnly,
    bool IsAlwaysInterleave,
    string? ResponseTimeout)
{
    public string Identifier => GeneratedNames.Identifier(Name);
}
