using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The event bus as MCP tools (the same grain and rules as <c>/domains/events</c> over HTTP).</summary>
[McpServerToolType]
public sealed class EventTools(IGrainFactory grains)
{
    private IEventBusGrain Bus => grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    [McpServerTool(Name = "publish_event", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Publishes an event on the domain event bus: it is stored durably and delivered to every subscription whose pattern matches its type. Returns the stored event with its id, position and timestamp.")]
    [McpScope(McpScopes.Write)]
    public Task<DomainEvent> PublishEvent(
        [Description("The event type: dot-separated segments of letters, digits, '_' and '-', e.g. \"ml.prediction\".")] string event_type,
        [Description("The id of the publishing domain (it need not be registered).")] string source_domain,
        [Description("The event's payload, a JSON object; {} when absent.")] Dictionary<string, JsonElement>? data = null,
        [Description("Optional id chosen by the publisher: publishing the same id again returns the stored event instead of a duplicate.")] string? event_id = null) =>
        Bus.Publish(new PublishRequest(event_type, source_domain, data is null ? null : JsonSerializer.SerializeToElement(data), event_id));

    [McpServerTool(Name = "subscribe_domain", Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Subscribes a hosted or registered domain to the events whose type matches a pattern; the same domain and pattern return the same subscription. Returns the subscription.")]
    [McpScope(McpScopes.Write)]
    public Task<EventSubscription> SubscribeDomain(
        [Description("The subscribing domain: hosted in the cluster or registered.")] string domain_id,
        [Description("Dot-separated segments: '*' matches exactly one segment (\"ml.*\"), '#' zero or more (\"ml.#\"); \"*\" alone matches every event.")] string pattern) =>
        Bus.Subscribe(new SubscribeRequest(domain_id, pattern));

    [McpServerTool(Name = "unsubscribe_domain", Idempotent = false, Destructive = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Ends an event subscription by its subscription_id (from subscribe_domain or list_subscriptions): its domain gets no more events of that pattern.")]
    [McpScope(McpScopes.Write)]
    public Task<UnsubscribeResult> UnsubscribeDomain(
        [Description("The subscription's id.")] string subscription_id) =>
        Removals.UnsubscribeAsync(grains, subscription_id);

    [McpServerTool(Name = "list_subscriptions", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the event subscriptions (all, or one domain's) with their delivery figures: delivered, pending and dead letters.")]
    [McpScope(McpScopes.Read)]
    public async Task<EventSubscriptionList> ListSubscriptions(
        [Description("Only this domain's subscriptions; all when absent.")] string? domain_id = null)
    {
        var subscriptions = await Bus.GetSubscriptions(string.IsNullOrEmpty(domain_id) ? null : domain_id);
        return new EventSubscriptionList(subscriptions, subscriptions.Count);
    }

    [McpServerTool(Name = "event_history", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Reads stored events, oldest first, filtered by type, pattern, source and time, one page at a time: pass the page's next_position as after to read on while has_more is true.")]
    [McpScope(McpScopes.Read)]
    public Task<EventHistoryPage> GetEventHistory(
        [Description("Only this event type.")] string? event_type = null,
        [Description("Only event types matching this pattern (as in subscriptions, e.g. \"ml.*\").")] string? pattern = null,
        [Description("Only events published by this domain.")] string? source_domain = null,
        [Description("Only events stored at or after this ISO 8601 time, e.g. \"2025-01-31T12:00:00Z\".")] string? since = null,
        [Description("Only events stored at or before this ISO 8601 time.")] string? until = null,
        [Description("Only events after this position: 0 (the default) for the oldest, else the previous page's next_position.")] long after = 0,
        [Description("The most events in the page, 1-1000 (default 100).")] int limit = EventHistoryQuery.DefaultLimit) =>
        Bus.GetHistory(new EventHistoryQuery(
            Blank(event_type), Blank(pattern), Blank(source_domain), Time(since, nameof(since)), Time(until, nameof(until)), after, limit));

    [McpServerTool(Name = "event_stats", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Counts over the event bus: events published, the most published types, subscriptions, deliveries, dead letters and the publish rate over the last minute.")]
    [McpScope(McpScopes.Read)]
    public Task<EventBusStats> GetEventStats() => Bus.GetStats();

    [McpServerTool(Name = "list_dead_letters", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists dead letters: events a subscription's delivery kept failing on and gave up, with the event, the last error, the attempts and when it was parked.")]
    [McpScope(McpScopes.Read)]
    public async Task<EventDeadLetterList> ListDeadLetters(
        [Description("Only this subscription's (from list_subscriptions); every subscription's when absent.")] string? subscription_id = null,
        [Description("The most to list, 1-1000 (default 100).")] int limit = DeadLetterQuery.DefaultLimit,
        [Description("Oldest parked first (the order replay_dead_letters delivers them) instead of newest first.")] bool oldest_first = false)
    {
        var letters = await Bus.GetDeadLetters(new DeadLetterQuery(Blank(subscription_id), limit, oldest_first));
        return new EventDeadLetterList(letters, letters.Count);
    }

    [McpServerTool(Name = "replay_dead_letters", Idempotent = false, Destructive = false, OpenWorld = true, UseStructuredContent = true)]
    [Description("Delivers a subscription's dead letters again, oldest first, one attempt each: those delivered leave the dead letters; the first that fails again stops the replay and it stays parked with the rest. Give event_ids or all=true.")]
    [McpScope(McpScopes.Write)]
    public Task<DeadLetterReplay> ReplayDeadLetters(
        [Description("The subscription whose dead letters to replay.")] string subscription_id,
        [Description("The event ids to replay (from list_dead_letters).")] string[]? event_ids = null,
        [Description("Replay all of the subscription's dead letters (the oldest 1000) instead of event_ids.")] bool all = false) =>
        Bus.ReplayDeadLetters(new ReplayDeadLettersRequest(subscription_id, event_ids, all));

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? Time(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new ArgumentException($"{field} must be an ISO 8601 time such as 2025-01-31T12:00:00Z (was '{value}').", field);
}
