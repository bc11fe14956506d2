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
}
