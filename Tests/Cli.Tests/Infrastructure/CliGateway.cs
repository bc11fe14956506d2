namespace Rayswarm.Cli.Tests;

/// <summary>One embedded gateway for every CLI test; tests use their own ids and names, so they do not see each other's data.</summary>
[CollectionDefinition(Name)]
public sealed class CliGateway : ICollectionFixture<GatewayFixture>
{
    public const string Name = "cli gateway";
}
