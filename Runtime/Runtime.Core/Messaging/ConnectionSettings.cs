namespace Rayswarm.Runtime.Core;

/// <summary>How connections authenticate and how much they may buffer. Built from <see cref="ClusterOptions"/>.</summary>
internal sealed record ConnectionSettings
{
    /// <summary>The default largest frame payload: 16 MiB.</summary>
    public const int DefaultMaxFrameSize = 16 * 1024 * 1024;

    /// <summary>The default limit of bytes queued unsent on one connection: 64 MiB.</summary>
    public const long DefaultMaxQueuedBytes = 64L * 1024 * 1024;

    /// <summary>Only peers with the same cluster id are accepted.</summary>
    public string ClusterId { get; init; } = "dev";

    /// <summary>The shared secret proven in the handshake; null or empty means "no secret" on both sides.</summary>
    public string? Secret { get; init; }

    /// <summary>The largest frame payload accepted or sent; a larger incoming length closes the connection.</summary>
    public int MaxFrameSize { get; init; } = DefaultMaxFrameSize;

    /// <summary>Once more bytes than this are encoded but not yet written to the socket, <see cref="Connection.Send"/> returns false.</summary>
    public long MaxQueuedBytes { get; init; } = DefaultMaxQueuedBytes;

    /// <summary>How long the TCP connect plus the handshake may take. Default 5 seconds.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an orderly close may wait for queued messages to go out and the peer to finish. Default 5 seconds.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before retrying a peer after its first failed connect; doubles per failure. Default 200 ms.</summary>
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between connect attempts to a failing peer. Default 2 seconds.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>True when a non-empty secret is configured.</summary>
    public bool HasSecret => !string.IsNullOrEmpty(Secret);

    /// <summary>Settings with the cluster id and secret of <paramref name="options"/> and default limits.</summary>
    public static ConnectionSettings From(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ConnectionSettings { ClusterId = options.ClusterId, Secret = options.Secret };
    }
}
