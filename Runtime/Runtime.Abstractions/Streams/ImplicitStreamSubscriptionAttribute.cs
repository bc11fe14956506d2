namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// The grain class receives every event of every stream in <paramref name="streamNamespace"/>: the grain whose key is the
/// stream's key is activated for it (it must implement <see cref="IStreamConsumer"/> and have string keys).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    /// <summary>The stream namespace.</summary>
    public string Namespace { get; } = streamNamespace;
}
