using System.Text.RegularExpressions;

namespace Rayswarm.Dashboard.Tests;

/// <summary>The Orleans dashboard in a browser, served by the embedded gateway at /dashboard, and its links to our views.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class OrleansDashboardTests(Chromium chromium, GatewayFixture gateway) : PageTests(chromium)
{
    [Fact]
    public async Task The_orleans_dashboard_shows_the_silo_and_the_grain_types_of_the_domain_system()
    {
        await Page.GotoAsync(gateway.Url("/dashboard/#/silos"));
        await Expect(Page.Locator("#content").GetByText(SiloAddress()).First).ToBeVisibleAsync();
        await Expect(Page.Locator("#content")).ToContainTextAsync("Active");

        await Page.GotoAsync(gateway.Url("/dashboard/#/grains"));
        var grains = Page.Locator("#content");
        foreach (var type in new[] { "RegistryGrain", "RegistryIndexGrain", "DomainGrain", "MemoryDomainGrain", "EventsDomainGrain" })
        {
            await Expect(grains.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = type, Exact = true })).ToBeVisibleAsync();
        }
        await Screenshots.SaveAsync(Page, "dashboard.png");
    }

    [Fact]
    public async Task The_orleans_dashboard_and_the_domain_views_link_to_each_other()
    {
        await Page.GotoAsync(gateway.Url("/dashboard/"));
        await Expect(Page.Locator("#menu")).ToContainTextAsync("Grains"); // the package's script rendered its menu beside our link

        await Page.ClickAsync("#rayswarm-domain-views");
        await Expect(Page).ToHaveURLAsync(gateway.Url("/dashboard/domains"));
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Rayswarm domain views");

        await Page.ClickAsync("#orleans-dashboard-link");
        await Expect(Page).ToHaveURLAsync(gateway.Url("/dashboard/"));
        await Expect(Page.Locator("#rayswarm-domain-views")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^127\.0\.0\.1:\d+@\d+$")]
    private static partial Regex SiloAddress();
}
