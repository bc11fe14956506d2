using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>A silo whose domain system runs on a fake clock (heartbeat interval 10 s, unhealthy after 3 missed), while
/// Orleans runs its health reminders every real second: a test moves the fake clock and waits for the next check.</summary>
public sealed class RegistrySilo : DomainSilo
{
    /// <summary>The heartbeat interval, in fake time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan s_checkEvery = TimeSpan.FromSeconds(1);

    private RegistrySilo(IHost host, FakeTimeProvider time) : base(host, null) => Time = time;

    public FakeTimeProvider Time { get; }

    /// <summary>Starts the silo; with <paramref name="probes"/> the registry can reach endpoint domains over HTTP, so it asks
    /// silent ones <c>GET /health</c> before marking them unhealthy.</summary>
    public static async Task<RegistrySilo> StartAsync(bool streams = true, bool probes = false)
    {
        var time = new FakeTimeProvider();
        var host = await StartHostAsync(builder =>
        {
            builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, time);
            if (probes) { builder.Services.AddSingleton(new DomainHttpClient(new DomainHttpOptions())); }
            builder.Services.AddRegistry(o =>
            {
                o.HeartbeatInterval = Interval;
                o.MissedHeartbeatsForUnhealthy = 3;
                o.MinimumReminderPeriod = s_checkEvery;
                o.CheckEvery = s_checkEvery;
            });
        }, silo =>
        {
            silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = s_checkEvery);
            if (streams) { silo.AddEventLogStreams().UseMemoryEventLog(); }
        });
        return new RegistrySilo(host, time);
    }
}
