namespace Rayswarm.Gateway;

/// <summary>Start-up settings of the gateway. Command line: <c>--data-dir DIR</c>; configuration: <c>data-dir</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>Where embedded mode keeps its SQLite database. Default <c>./data</c>.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The embedded database file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDir), "rayswarm.db");

    /// <summary>Reads the options from configuration.</summary>
    public static GatewayOptions From(IConfiguration configuration) => new()
    {
        DataDir = configuration["data-dir"] is { Length: > 0 } dir ? dir : "data",
    };
}
