using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Publishes the shared memory's events on the event bus (see <see cref="MemoryEvents"/>), as the registry does.</summary>
internal static class MemoryAnnouncements
{
    public static async Task AnnounceAsync(this Grain grain, string eventType, string sourceDomain, Contribution contribution,
        params (string Name, object? Value)[] extra) =>
        await grain.AnnounceAsync(RegistryEvents.Namespace, eventType, DataOf(sourceDomain, contribution, extra));

    /// <summary>Announces under <paramref name="eventId"/>: announcing again with the same id returns the stored event, so a
    /// re-run that cannot tell whether the first run announced announces at most once. Does nothing on a silo without streams.</summary>
    public static async Task AnnounceOnceAsync(this Grain grain, string eventType, string sourceDomain, Contribution contribution, string eventId)
    {
        if (grain.GrainContext.ActivationServices.GetService<IEventStreams>() is not { } streams) { return; }
        await streams.PublishAsync(StreamId.Create(RegistryEvents.Namespace, eventType), DataOf(sourceDomain, contribution, []), eventId);
    }

    private static Dictionary<string, object?> DataOf(string sourceDomain, Contribution contribution, (string Name, object? Value)[] extra)
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
        return data;
    }
}
