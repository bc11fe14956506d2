namespace Rayswarm.Runtime.Abstractions;

/// <summary>Calls to this interface method interleave with any other request of the activation.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
