namespace Rayswarm.Silo;

/// <summary>The silo's command-line switches and the configuration keys they set (environment: RAYSWARM__CLUSTER__SECRET and so on).</summary>
internal static class SiloCommandLine
{
    public static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--cluster-id"] = "Rayswarm:Cluster:ClusterId",
        ["--secret"] = "Rayswarm:Cluster:Secret",
        ["--postgres"] = "Rayswarm:Postgres",
        ["--host"] = "Rayswarm:Endpoint:AdvertisedHost",
        ["--port"] = "Rayswarm:Endpoint:Port",
        ["--name"] = "Rayswarm:SiloName",
        ["--data-dir"] = "data-dir",
        ["--grain-assembly"] = "Rayswarm:GrainAssembly",
    };
}
