using System.Net;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Membership rows for tests, with times PostgreSQL stores exactly (whole milliseconds, UTC).</summary>
internal static class MembershipEntries
{
    public static readonly DateTime Epoch = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static MembershipEntry Create(int port, SiloStatus status, DateTime iAmAlive, int proxyPort = 0, int generation = 7) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = Epoch,
        IAmAliveTime = iAmAlive,
    };
}
