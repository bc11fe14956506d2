namespace Rayswarm.Gateway;

/// <summary>
/// Security by default: the gateway serves loopback addresses only, unless API keys and a cluster secret protect it.
/// Any other bind address without both stops the start with a message that says why.
/// </summary>
internal static class BindAddressGuard
{
    public static void EnsureProtected(IConfiguration configuration, GatewayOptions options)
    {
        if (options.ApiKeys.Count > 0 && !string.IsNullOrEmpty(options.Secret)) { return; }
        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var url in urls)
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
}
