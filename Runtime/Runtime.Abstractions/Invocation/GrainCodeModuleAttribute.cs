namespace Rayswarm.Runtime.Abstractions;

/// <summary>Emitted by the source generator: names the <see cref="IGrainCodeModule"/> of an assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainCodeModuleAttribute(Type moduleType) : Attribute
{
    /// <summary>The module type, with a public parameterless constructor.</summary>
    public Type ModuleType { get; } = moduleType;
}
