namespace Rayswarm.Gateway.Tests;

/// <summary>The gateway's <c>--domains</c> switch: an unknown module name stops the start with the known ones listed.</summary>
public sealed class DomainModuleStartTests
{
    [Fact]
    public async Task An_unknown_module_name_stops_the_gateway_with_the_known_modules_listed()
    {
        var dataDir = Directory.CreateTempSubdirectory("rayswarm-domains-").FullName;
        try
        {
            await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--domains", "code,astrology");

            Assert.NotEqual(0, await gateway.ExitCodeAsync());
            Assert.False(gateway.IsListening);
            Assert.Contains("Unknown domain module 'astrology' in --domains (Rayswarm:Domains:Enabled); the known modules are: code, documents, monitor, neural.", gateway.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
