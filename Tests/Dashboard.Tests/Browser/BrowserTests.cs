namespace Rayswarm.Dashboard.Tests;

/// <summary>The browser tests run one at a time (a browser and gateways on two shared cores), with one Chromium and one open
/// gateway between them.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Chromium>, ICollectionFixture<GatewayFixture>
{
    public const string Name = "Browser";
}
