using Rayswarm.Grains;

namespace Rayswarm.Silo;

/// <summary>The silo's command-line switches and the configuration keys they set (environment variables work too:
/// <c>Rayswarm__Postgres</c> for <c>Rayswarm:Postgres</c>).</summary>
internal static class SiloCommandLine
{
    public static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--cluster-id"] = "Rayswarm:Cluster:ClusterId",
        ["--secret"] = "Rayswarm:Cluster:Secret",
        ["--postgres"] = "Rayswarm:Postgres",
        ["--host"] = "Rayswarm:Endpoint:AdvertisedHost",
        ["--port"] = "Rayswarm:Endpoint:Port",
        ["--gateway-port"] = "Rayswarm:Endpoint:GatewayPort",
        ["--name"] = "Rayswarm:SiloName",
        ["--data-dir"] = "data-dir",
        ["--grain-assembly"] = "Rayswarm:GrainAssembly",
        ["--domains"] = DomainModuleSelection.EnabledKey,
        ["--tls-certificate"] = "Rayswarm:Tls:Certificate",
        ["--tls-password"] = "Rayswarm:Tls:Password",
        ["--http-port"] = SiloHttpOptions.PortKey,
    };

    /// <summary>The arguments with each flag given a value ("--insecure" becomes "--Rayswarm:Insecure=true"), which the
    /// configuration's command-line source needs.</summary>
    public static string[] WithFlagValues(string[] args) =>
        [.. args.Select(a => a switch
        {
            "--insecure" => "--Rayswarm:Insecure=true",
            "--migrate" => "--Rayswarm:Migrate=true",
            "--kubernetes" => "--Rayswarm:Kubernetes=true",
            _ => a,
        })];
}
