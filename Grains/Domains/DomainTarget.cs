using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Where a domain's actions and events go: a worker grain in the cluster, or a network endpoint.</summary>
public abstract record DomainTarget
{
    private DomainTarget() { }

    /// <summary>A domain hosted in the cluster, reached through its worker grain.</summary>
    public sealed record Hosted(IDomainWorkerGrain Worker) : DomainTarget;

    /// <summary>A domain registered with a port or endpoint, reached over HTTP (<see cref="DomainHttpClient"/>) with the
    /// bearer <paramref name="Token"/> issued when it registered (null for a registration older than tokens).</summary>
    public sealed record Remote(Uri BaseAddress, string? Token = null) : DomainTarget;
}
