namespace Rayswarm.Grains.Interfaces;

/// <summary>Which agents <see cref="ISwarmsGrain.QueryAgents"/> lists; every filter is optional.</summary>
/// <param name="Swarm">Only this swarm's agents.</param>
/// <param name="Type">Only agents of this type.</param>
/// <param name="Status">Only agents with this status (<see cref="AgentStatuses"/>).</param>
/// <param name="Capability">Only agents registered with this capability.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.AgentQuery")]
public sealed record AgentQuery(string? Swarm = null, string? Type = null, string? Status = null, string? Capability = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid filter.</summary>
    public void Validate()
    {
        if (Swarm is not null) { SwarmInitRequest.ValidateName(Swarm, "swarm"); }
        if (Status is not null && !AgentStatuses.IsKnown(Status))
        {
            throw new ArgumentException($"status must be idle, busy or terminated (was '{Status}').", "status");
        }
    }

    /// <summary>Whether <paramref name="agent"/> passes every filter.</summary>
    public bool Matches(AgentInfo agent) =>
        (Type is null || agent.Type == Type)
        && (Status is null || agent.Status == Status)
        && (Capability is null || agent.Capabilities.Contains(Capability, StringComparer.Ordinal));
}
