namespace Rayswarm.Runtime.Abstractions;

/// <summary>Requests to this grain class interleave at await points. Code still runs one piece at a time.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
