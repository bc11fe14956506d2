namespace Rayswarm.Runtime.CodeGen;

/// <summary>A grain interface declared in the compilation, as the proxy writer needs it.</summary>
/// <param name="TypeName">The interface, fully qualified.</param>
/// <param name="ProxyName">The generated proxy's simple name; null when the interface (or a base) has a problem.</param>
/// <param name="Methods">Every method the proxy implements, its own and inherited.</param>
/// <param name="Diagnostics">Problems to report.</param>
internal sealed record InterfaceModel(
    string TypeName,
    string? ProxyName,
    EquatableArray<MethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics);
