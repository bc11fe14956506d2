using System.Globalization;
using System.Net;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// One incarnation of a silo: where it listens and its generation (unique per process start, increasing across
/// restarts on the same endpoint). A restarted silo on the same host and port is a different silo.
/// </summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>The endpoint to connect to.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Parse(Host), Port);

    /// <summary>"host:port@generation".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    /// <summary>Parses the form written by <see cref="ToString"/>.</summary>
    public static SiloAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.LastIndexOf('@');
        var colon = value.LastIndexOf(':', at < 0 ? value.Length - 1 : at);
        if (at < 0 || colon < 0) { throw new FormatException($"'{value}' is not a silo address of the form host:port@generation."); }
        return new SiloAddress(
            value[..colon],
            int.Parse(value[(colon + 1)..at], CultureInfo.InvariantCulture),
            long.Parse(value[(at + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>A generation for a silo starting now: milliseconds since 2020, so restarts get larger ones.</summary>
    public static long NewGeneration() => (DateTimeOffset.UtcNow - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)).Ticks / TimeSpan.TicksPerMillisecond;
}
