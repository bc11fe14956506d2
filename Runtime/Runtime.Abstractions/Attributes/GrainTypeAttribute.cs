namespace Rayswarm.Runtime.Abstractions;

/// <summary>Names the grain type of a class explicitly (the default is the class name). The name is part of
/// every stored grain id, so renaming a class keeps its data only if this attribute pins the old name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
