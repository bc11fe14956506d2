using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Tests;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo hosting the registry grains, on a fake clock, with in-memory storage and streams, started for one test.</summary>
public sealed class RegistrySilo : DomainSilo
{
    /// <summary>The test clock's heartbeat interval; reminders may be this short because the silo allows it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private RegistrySilo(IHost host, FakeTimeProvider time) : base(host, null) => Time = time;

    public FakeTimeProvider Time { get; }

    public static async Task<RegistrySilo> StartAsync(bool streams = true)
    {
        var time = new FakeTimeProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rayswarm:Reminders:MinimumPeriod"] = Interval.ToString(),
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddRegistry(o =>
        {
            o.HeartbeatInterval = Interval;
            o.MissedHeartbeatsForUnhealthy = 3;
            o.MinimumReminderPeriod = Interval;
        });
        builder.UseSilo(silo =>
        {
            silo.AddMemoryGrainStorage();
            if (streams) { silo.AddStreams(); }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RegistrySilo(host, time);
    }
}
