using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

public sealed partial class EventBusGrain
{
    /// <summary>The most stored events one history call looks at when it filters in memory (source, until, type and
    /// pattern together); a page that stops there says <see cref="EventHistoryPage.HasMore"/> and where to go on.</summary>
    public const int HistoryScanBudget = 10_000;

    private const int ScanPageSize = 1000;

    public async Task<EventHistoryPage> GetHistory(EventHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        query.Validate();
        // The log filters by type (an exact key, or a pattern) and time; the rest is filtered here.
        var logPattern = query.EventType ?? query.Pattern;
        var alsoPattern = query.EventType is not null && query.Pattern is not null ? new StreamPattern(query.Pattern) : null;
        if (alsoPattern is null && query.SourceDomain is null && query.Until is null)
        {
            var page = await Streams.ReadHistoryAsync(IEventBusGrain.StreamNamespace, logPattern, query.After, query.Since, query.Limit);
            return new EventHistoryPage([.. page.Events.Select(BusEvents.ToDomainEvent)], page.NextPosition, page.HasMore);
        }

        var events = new List<DomainEvent>(Math.Min(query.Limit, ScanPageSize));
        var after = query.After;
        for (var scanned = 0; scanned < HistoryScanBudget;)
        {
            var page = await Streams.ReadHistoryAsync(IEventBusGrain.StreamNamespace, logPattern, after, query.Since, ScanPageSize);
            foreach (var stored in page.Events)
            {
                if (query.Until is { } until && stored.PublishedAt > until)
                {
                    return new EventHistoryPage(events, after, false); // in publish order: nothing later matches
                }
                after = stored.Position;
                scanned++;
                if (alsoPattern is not null && !alsoPattern.Matches(stored.Stream.GetKeyAsString()!)) { continue; }
                var domainEvent = BusEvents.ToDomainEvent(stored);
                if (query.SourceDomain is not null && domainEvent.SourceDomain != query.SourceDomain) { continue; }
                events.Add(domainEvent);
                if (events.Count == query.Limit) { return new EventHistoryPage(events, after, true); }
            }
            if (!page.HasMore) { return new EventHistoryPage(events, page.NextPosition, false); }
        }
        return new EventHistoryPage(events, after, true);
    }
}
