namespace Rayswarm.Grains.Interfaces;

/// <summary>The event-bus streams (namespace <see cref="RegistryEvents.Namespace"/>) the shared memory publishes to. Each
/// event's data is a small JSON object with snake_case fields: source_domain (who acted), contribution_id, domain_id
/// (the contributor), contribution_type and confidence (after the change), plus verifier_domain and valid (verified) or applied_by and outcome (applied);
/// a retraction carries the contribution's last confidence.</summary>
public static class MemoryEvents
{
    /// <summary>A domain contributed knowledge.</summary>
    public const string Contributed = "memory.contributed";

    /// <summary>A domain verified (confirmed or rejected) a contribution.</summary>
    public const string Verified = "memory.verified";

    /// <summary>A domain applied a contribution, with success or failure.</summary>
    public const string Applied = "memory.applied";

    /// <summary>A contribution was retracted (deleted, e.g. by a workflow's rollback); source_domain is its contributor.</summary>
    public const string Retracted = "memory.retracted";
}
