namespace Rayswarm.Gateway;

/// <summary>
/// Security by default: the gateway serves loopback addresses only, unless API keys and a cluster secret protect it.
/// Any other bind address without both stops the start with a message that says why.
/// </summary>
internal static class BindAddressGuard
{
    /// <summary>Where the gateway listens when nothing says otherwise (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://localhost:8000";

    /// <summary>Whether the configuration says where to listen.</summary>
    public static bool HasBindSettings(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"]) || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static void EnsureProtected(IConfiguration configuration, GatewayOptions options)
    {
        if (options.ApiKeys.Count > 0 && !string.IsNullOrEmpty(options.Secret)) { return; }
        foreach (var url in BoundUrls(configuration))
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to listen on '{url}': only loopback addresses (127.0.0.1, [::1], localhost) may be served without API keys (--api-keys-file) and a cluster secret (--secret).");
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        var hostStart = url.IndexOf("://", StringComparison.Ordinal);
        var rest = hostStart < 0 ? url : url[(hostStart + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host == "[::1]"
            || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }

    /// <summary>The URLs Kestrel will bind: <c>urls</c>, else the ports of <c>http_ports</c>/<c>https_ports</c> on every address
    /// (as ASP.NET Core binds them; the ASP.NET container images set <c>ASPNETCORE_HTTP_PORTS=8080</c>), plus Kestrel endpoints.</summary>
    private static IEnumerable<string> BoundUrls(IConfiguration configuration)
    {
        static IEnumerable<string> Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var urls = Split(configuration["urls"]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        }
        return urls.Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
    }
}
