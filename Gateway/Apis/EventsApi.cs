using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The event bus endpoints: publish, subscribe, unsubscribe, subscriptions, history, stats, rates per type, dead letters.</summary>
internal static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/domains/events").WithTags("Events");
        events.MapPost("/publish", (PublishRequest request, IGrainFactory grains) => Bus(grains).Publish(request))
            .WithName("PublishEvent").WithSummary("Stores an event durably and returns it with its id, position and timestamp.");
        events.MapPost("/subscribe", (SubscribeRequest request, IGrainFactory grains) => Bus(grains).Subscribe(request))
            .WithName("SubscribeToEvents").WithSummary("Subscribes a hosted or registered domain to a pattern (ml.*, *); idempotent.");
        events.MapPost("/unsubscribe/{id}", (string id, IGrainFactory grains) => Removals.UnsubscribeAsync(grains, id))
            .WithName("UnsubscribeFromEvents").WithSummary("Ends a subscription by its subscription_id; 404 when there is none.");
        events.MapGet("/subscriptions", async ([FromQuery(Name = "domain_id")] string? domainId, IGrainFactory grains) =>
        {
            var subscriptions = await Bus(grains).GetSubscriptions(domainId);
            return new SubscriptionList(subscriptions, subscriptions.Count);
        }).WithName("ListEventSubscriptions").WithSummary("Every subscription, or one domain's, with delivery figures.");
        events.MapGet("/history", (
            [FromQuery(Name = "event_type")] string? eventType,
            [FromQuery(Name = "pattern")] string? pattern,
            [FromQuery(Name = "source_domain")] string? sourceDomain,
            [FromQuery(Name = "since")] string? since,
            [FromQuery(Name = "until")] string? until,
            [FromQuery(Name = "after")] string? after,
            [FromQuery(Name = "limit")] string? limit,
            IGrainFactory grains) =>
            Bus(grains).GetHistory(new EventHistoryQuery(
                Blank(eventType), Blank(pattern), Blank(sourceDomain), Time(since, "since"), Time(until, "until"),
                Number(after, "after") ?? 0, (int)Math.Min(Number(limit, "limit") ?? EventHistoryQuery.DefaultLimit, int.MaxValue))))
            .WithName("GetEventHistory").WithSummary("Stored events, oldest first, filtered and paged by position (after, limit).");
        events.MapGet("/stats", (IGrainFactory grains) => Bus(grains).GetStats())
            .WithName("GetEventStats").WithSummary("Totals, top event types, delivery figures and the recent event rate.");
        events.MapGet("/rates", (IGrainFactory grains) => Bus(grains).GetRates())
            .WithName("GetEventRates").WithSummary("The publish rate of each event type over the last minute, fastest first.");
        events.MapGet("/dead-letters", async (
            [FromQuery(Name = "subscription_id")] string? subscriptionId,
            [FromQuery(Name = "limit")] string? limit,
            [FromQuery(Name = "order")] string? order,
            IGrainFactory grains) =>
        {
            var letters = await Bus(grains).GetDeadLetters(new DeadLetterQuery(
                subscriptionId, (int)Math.Min(Number(limit, "limit") ?? DeadLetterQuery.DefaultLimit, int.MaxValue), OldestFirst(order)));
            return new EventDeadLetterList(letters, letters.Count);
        }).WithName("ListDeadLetters").WithSummary("Events a subscription's delivery gave up on (one subscription's or all), newest or oldest parked first.");
        events.MapPost("/dead-letters/replay", (ReplayDeadLettersRequest request, IGrainFactory grains) => Bus(grains).ReplayDeadLetters(request))
            .WithName("ReplayDeadLetters").WithSummary("Delivers a subscription's dead letters (event_ids, or all) again; those delivered leave the dead letters.");
        return routes;
    }

    private static IEventBusGrain Bus(IGrainFactory grains) => grains.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? Time(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new ArgumentException($"{field} must be an ISO 8601 time such as 2025-01-31T12:00:00Z (was '{value}').", field);

    private static long? Number(string? value, string field) =>
        string.IsNullOrEmpty(value) ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ArgumentException($"{field} must be a whole number of 0 or more (was '{value}').", field);

    private static bool OldestFirst(string? order) => order switch
    {
        null or "" or "newest" => false,
        "oldest" => true,
        _ => throw new ArgumentException($"order must be 'newest' or 'oldest' (was '{order}').", "order"),
    };

    /// <summary>The answer of <c>GET /domains/events/subscriptions</c>.</summary>
    internal sealed record SubscriptionList(IReadOnlyList<EventSubscription> Subscriptions, int Count);
}
