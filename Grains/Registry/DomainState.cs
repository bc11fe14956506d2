using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The durable record of one domain; <see cref="Registration"/> is null until it registers.</summary>
public sealed record DomainState
{
    public DomainRegistration? Registration { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset LastHeartbeatAt { get; init; }

    public string Status { get; init; } = DomainStatus.Healthy;

    public long HeartbeatCount { get; init; }

    /// <summary><see cref="DomainKinds.Endpoint"/> for registrations through the API, <see cref="DomainKinds.Hosted"/> for
    /// those of silos (state written before kinds existed reads as endpoint).</summary>
    public string Kind { get; init; } = DomainKinds.Endpoint;

    /// <summary>The worker grain's type of a hosted domain; null for an endpoint domain.</summary>
    public string? GrainType { get; init; }

    /// <summary>The random value the endpoint domain's bearer token was derived from at its last registration
    /// (<see cref="DomainTokens"/>); the token itself is never stored. Null before tokens existed.</summary>
    public string? TokenNonce { get; init; }
}
