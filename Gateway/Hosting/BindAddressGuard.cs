namespace Rayswarm.Gateway;

/// <summary>
/// Security by default: the gateway serves loopback addresses only until API keys and a cluster secret protect it.
/// Any other bind address stops the start with a message that says why.
/// </summary>
internal static class BindAddressGuard
{
    public static void EnsureLoopback(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to listen on '{url}': only loopback addresses (127.0.0.1, [::1], localhost) may be served without API keys and a cluster secret.");
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
