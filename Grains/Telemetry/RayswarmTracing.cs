using System.Diagnostics;

namespace Rayswarm.Grains;

/// <summary>The domain system's own spans (docs/operations.md, Traces): one per workflow step's call to its domain, so a trace
/// shows which step made which grain or HTTP call. Started only when a tracer listens (<see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null otherwise).</summary>
public static class RayswarmTracing
{
    /// <summary>The <see cref="ActivitySource"/> name, for <c>AddSource</c>.</summary>
    public const string SourceName = "Rayswarm";

    internal static readonly ActivitySource Source = new(SourceName);
}
