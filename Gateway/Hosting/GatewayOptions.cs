
namespace Rayswarm.Gateway;

/// <summary>
/// Start-up settings of the gateway (docs/gateway.md). Command line switches win over configuration keys, which
/// environment variables can set (<c>Rayswarm__Postgres</c>, <c>Rayswarm__Cluster__Secret</c>, …):
/// <c>--data-dir</c>, <c>--postgres</c> (cluster mode), <c>--cluster-id</c>, <c>--secret</c>, <c>--api-keys-file</c>,
/// <c>--max-request-body-bytes</c>.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>Where embedded mode keeps its SQLite database and signing key. Default <c>./data</c>.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The embedded database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDir), "rayswarm.db");

    /// <summary>The PostgreSQL connection string of a cluster: when set, the gateway is a client of the <c>Silo</c>
    /// processes of that cluster instead of hosting a silo itself.</summary>
    public string? Postgres { get; set; }

    /// <summary>The cluster's id (cluster mode). Default <c>rayswarm</c>, as the Silo's.</summary>
    public string ClusterId { get; set; } = "rayswarm";

    /// <summary>The cluster's shared secret (cluster mode; also required to serve off loopback).</summary>
    public string? Secret { get; set; }

    /// <summary>Cluster mode: the cluster's TLS certificate (PKCS#12), when the silos require TLS. Switch: <c>--tls-certificate</c>.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>The password of <see cref="TlsCertificate"/>. Switch: <c>--tls-password</c>.</summary>
    public string? TlsPassword { get; set; }

    /// <summary>The largest request body accepted; larger ones get 413. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The API keys. None: every request is served without a key (loopback only).</summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; set; } = [];

    /// <summary>Whether the gateway is a cluster client.</summary>
    public bool IsClusterMode => !string.IsNullOrEmpty(Postgres);

    /// <summary>Reads the options from configuration and validates them; throws <see cref="InvalidOperationException"/>
    /// with a message naming the bad setting.</summary>
    public static GatewayOptions From(IConfiguration configuration)
    {
        var options = new GatewayOptions
        {
            DataDir = First(configuration, "data-dir", "Rayswarm:DataDir") ?? "data",
            Postgres = First(configuration, "postgres", "Rayswarm:Postgres"),
            ClusterId = First(configuration, "cluster-id", "Rayswarm:Cluster:ClusterId") ?? "rayswarm",
            Secret = First(configuration, "secret", "Rayswarm:Cluster:Secret"),
            ApiKeys = ApiKeyFile.Load(configuration),
            TlsCertificate = First(configuration, "tls-certificate", "Rayswarm:Tls:Certificate"),
            TlsPassword = First(configuration, "tls-password", "Rayswarm:Tls:Password"),
        };
        if (First(configuration, "max-request-body-bytes", "Rayswarm:Gateway:MaxRequestBodyBytes") is { } max)
        {
            options.MaxRequestBodyBytes = long.TryParse(max, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException($"--max-request-body-bytes must be a positive number of bytes (was '{max}').");
        }
        if (options.IsClusterMode && string.IsNullOrEmpty(options.Secret))
        {
            throw new InvalidOperationException("Cluster mode (--postgres) needs the cluster's secret (--secret or Rayswarm__Cluster__Secret).");
        }
        return options;
    }

    private static string? First(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
