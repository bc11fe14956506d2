using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// One subscription's deliveries: each event goes to the subscribing domain's worker grain when it is hosted in the cluster,
/// else to <c>POST {endpoint}/events</c> of its registration. Any failure (the domain is neither hosted nor registered, its
/// endpoint is down or answers an error) throws, so the streams retry with back-off and then park the event as a dead letter.
/// Reentrant: the streams deliver different event types concurrently (each type in order), so a slow type does not hold up
/// the others; the only state is a short-lived cache of where the domain is served.
/// </summary>
[GrainType(GrainTypeName)]
[Reentrant]
public sealed class EventDeliveryGrain(DomainResolver resolver, DomainHttpClient http, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null) : Grain, IEventDeliveryGrain, IEventConsumer
{
    /// <summary>The grain type (part of every durable subscription: never rename).</summary>
    public const string GrainTypeName = "event-delivery";

    /// <summary>How long a resolved target is reused before the registry is asked again (a failure forgets it at once).</summary>
    public static readonly TimeSpan TargetCacheTime = TimeSpan.FromSeconds(5);

    private const char Separator = '/'; // never in a domain id

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private DomainTarget? _target;
    private DateTimeOffset _targetExpires;

    /// <summary>The grain that delivers <paramref name="domainId"/>'s subscription to <paramref name="pattern"/>.</summary>
    public static GrainId IdOf(string domainId, string pattern) => GrainId.Create(GrainTypeName, domainId + Separator + pattern);

    /// <summary>The domain id of a delivery grain's key.</summary>
    public static string DomainOf(GrainId grain)
    {
        var key = grain.Key.ToString()!;
        return key[..key.IndexOf(Separator, StringComparison.Ordinal)];
    }

    /// <summary>Whether <paramref name="grain"/> is a bus delivery grain.</summary>
    public static bool IsDeliveryGrain(GrainId grain) =>
        grain.Type.ToString() == GrainTypeName && grain.Key.ToString()!.Contains(Separator, StringComparison.Ordinal);

    public async Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        var domainEvent = BusEvents.ToDomainEvent(streamEvent);
        var target = await TargetAsync();
        try
        {
            switch (target)
            {
                case DomainTarget.Hosted hosted:
                    await hosted.Worker.OnEvent(domainEvent);
                    break;
                case DomainTarget.Remote remote:
                    await http.PostEventAsync(remote, domainEvent);
                    break;
            }
        }
        catch
        {
            _target = null; // it may have moved: ask again before the retry
            throw;
        }
    }

    private async Task<DomainTarget> TargetAsync()
    {
        var now = _time.GetUtcNow();
        if (_target is not null && now < _targetExpires) { return _target; }
        var domainId = DomainOf(this.GetGrainId());
        _target = await resolver.ResolveAsync(domainId)
            ?? throw new KeyNotFoundException($"Domain '{domainId}' is neither hosted in the cluster nor registered: cannot deliver the event.");
        _targetExpires = now + TargetCacheTime;
        return _target;
    }
}
