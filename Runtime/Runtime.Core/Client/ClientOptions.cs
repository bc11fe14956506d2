namespace Rayswarm.Runtime.Core;

/// <summary>How a cluster client finds and uses silos. Configuration section <c>Rayswarm:Client</c>.</summary>
public sealed class ClientOptions
{
    /// <summary>How often the client re-reads the membership table to learn silos that joined or left. Default 2 seconds.</summary>
    public TimeSpan GatewayRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <c>ConnectAsync</c> keeps trying to reach a first silo. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a caller waits for a response. Default 30 seconds.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
