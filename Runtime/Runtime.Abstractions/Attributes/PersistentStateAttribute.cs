namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: inject the named state,
/// stored by the named storage provider ("Default" when omitted).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state's name, unique within the grain class.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name, or null for "Default".</summary>
    public string? StorageName { get; } = storageName;
}
