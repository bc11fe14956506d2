using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Publishes the shared memory's events on the event bus (see <see cref="MemoryEvents"/>), as the registry does.</summary>
internal static class MemoryAnnouncements
{
    public static async Task AnnounceAsync(this Grain grain, string eventType, string sourceDomain, Contribution contribution,
        params (string Name, object? Value)[] extra)
    {
        var data = new Dictionary<string, object?>
        {
            ["source_domain"] = sourceDomain,
            ["contribution_id"] = contribution.ContributionId,
            ["domain_id"] = contribution.DomainId,
            ["contribution_type"] = contribution.ContributionType,
            ["confidence"] = contribution.Confidence,
        };
        foreach (var (name, value) in extra) { data[name] = value; }
        await grain.AnnounceAsync(RegistryEvents.Namespace, eventType, data);
    }
}
