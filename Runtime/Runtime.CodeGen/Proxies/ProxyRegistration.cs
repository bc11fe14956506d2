namespace Rayswarm.Runtime.CodeGen;

/// <summary>What the module needs of an interface: just its name and its proxy's, so method edits do not touch the module.</summary>
internal sealed record ProxyRegistration(string InterfaceTypeName, string ProxyName);
