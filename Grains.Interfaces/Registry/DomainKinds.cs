namespace Rayswarm.Grains.Interfaces;

/// <summary>The values of <see cref="DomainInfo.Kind"/>: how a registered domain is reached.</summary>
public static class DomainKinds
{
    /// <summary>Hosted in the cluster: a worker grain (<see cref="IDomainWorkerGrain"/>) of the grain type the registry
    /// keeps, registered by the silos that host it (<see cref="IDomainGrain.RegisterHosted"/>).</summary>
    public const string Hosted = "hosted";

    /// <summary>Outside the cluster: called over HTTP at its port or endpoint (<c>POST /domains/register</c>).</summary>
    public const string Endpoint = "endpoint";
}
