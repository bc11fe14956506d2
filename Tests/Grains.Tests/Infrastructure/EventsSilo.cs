using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the whole domain system on in-memory storage and streams, on the real clock (deliveries retry
/// with real back-off, kept short here), hosting two recording domains.</summary>
public sealed class EventsSilo : DomainSilo
{
    /// <summary>Delivery attempts before an event is parked.</summary>
    public const int MaxAttempts = 3;

    private EventsSilo(IHost host) : base(host, null) { }

    public static async Task<EventsSilo> StartAsync()
    {
        var host = await StartHostAsync(builder =>
        {
            builder.Services.AddDomainSystem();
            builder.Services.AddDomainWorker<RecordingWorkerGrain>(RecordingWorkerGrain.First);
            builder.Services.AddDomainWorker<RecordingWorkerGrain>(RecordingWorkerGrain.Second);
            builder.Services.AddDomainReach(o => o.EventTimeout = TimeSpan.FromSeconds(5));
            // The tests count every bus event and subscription: the hosted domains' registrations would add domain.registered
            // events, the memory domain's own ml.* subscription a subscription.
            builder.Services.WithoutHostedDomainRegistration().WithoutHostedDomainSubscriptions();
        }, silo => silo
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .AddEventLogStreams(o =>
            {
                o.MaxAttempts = MaxAttempts;
                o.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            })
            .UseMemoryEventLog());
        return new EventsSilo(host);
    }
}
