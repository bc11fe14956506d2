namespace Rayswarm.Gateway;

/// <summary>Settings of the MCP endpoint, from the <c>Mcp</c> configuration section.</summary>
public sealed class McpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Mcp";

    /// <summary>Browser origins allowed to call <c>/mcp</c> besides loopback ones ("https://agent.example.com").
    /// Requests without an <c>Origin</c> header (agents, CLIs) are always allowed; loopback origins
    /// (<c>http://localhost:*</c>, <c>http://127.0.0.1:*</c>, <c>http://[::1]:*</c>) are allowed by default.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Whether loopback origins are allowed (default true: the gateway serves loopback only by default).</summary>
    public bool AllowLoopbackOrigins { get; set; } = true;

    /// <summary>How long a stateful (2025-11-25) session may stay idle before it is ended. Default 30 minutes.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Reads the options; throws naming the setting when a value is invalid.</summary>
    public static McpOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new McpOptions();
        foreach (var origin in section.GetSection("AllowedOrigins").GetChildren().Select(c => c.Value).OfType<string>())
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
            {
                throw new InvalidOperationException($"Mcp:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port]).");
            }
            options.AllowedOrigins.Add(origin.TrimEnd('/'));
        }
        if (section["AllowLoopbackOrigins"] is { } loopback) { options.AllowLoopbackOrigins = bool.Parse(loopback); }
        if (section["SessionIdleTimeout"] is { } idle)
        {
            options.SessionIdleTimeout = TimeSpan.Parse(idle, System.Globalization.CultureInfo.InvariantCulture);
            if (options.SessionIdleTimeout <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("Mcp:SessionIdleTimeout must be positive.");
            }
        }
        return options;
    }
}
