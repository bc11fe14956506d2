namespace Rayswarm.Runtime.Abstractions;

/// <summary>This interface method does not change grain state: read-only calls interleave with each other,
/// never with other calls.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
