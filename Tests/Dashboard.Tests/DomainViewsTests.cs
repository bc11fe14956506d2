namespace Rayswarm.Dashboard.Tests;

/// <summary>The domain views (/dashboard/domains) in a browser: live figures read from the JSON API.</summary>
[Collection(BrowserTests.Name)]
public sealed class DomainViewsTests(Chromium chromium, GatewayFixture gateway) : PageTests(chromium)
{
    [Fact]
    public async Task A_domain_registered_through_the_api_appears_without_a_reload()
    {
        await Page.GotoAsync(gateway.Url("/dashboard/domains"));
        await Expect(Page.Locator("#domain-table")).ToContainTextAsync("memory"); // the built-in domains: the page has loaded
        await Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await gateway.Http.PostOkAsync("/domains/register", new { domain_id = "browser_domain", port = 8801, capabilities = new[] { "vision", "ocr" } });

        var row = Page.Locator("#domain-table tr", new() { HasText = "browser_domain" });
        await Expect(row).ToContainTextAsync("healthy");
        await Expect(row.Locator(".tag")).ToHaveTextAsync(["vision", "ocr"]);
        await Expect(row).ToContainTextAsync("endpoint");
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
    }

    [Fact]
    public async Task The_views_show_the_event_flow_workflows_and_the_shared_memory()
    {
        await gateway.Http.PostOkAsync("/domains/register", new { domain_id = "flow_domain", port = 8802, capabilities = new[] { "ml" } });
        await gateway.Http.PostOkAsync("/domains/events/subscribe", new { domain_id = "flow_domain", pattern = "flow.*" });
        for (var n = 0; n < 3; n++)
        {
            await gateway.Http.PostOkAsync("/domains/events/publish", new { event_type = "flow.ping", source_domain = "flow_domain", data = new { n } });
        }
        await gateway.Http.PostOkAsync("/domains/memory/contribute", new { domain_id = "flow_domain", contribution_type = "optimization", content = new { technique = "caching" } });
        var workflow = await gateway.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "flow_rollback",
            steps = new[] { new { domain_id = "nowhere_domain", action = "analyze" } }, // nothing serves it: rolled back
        });
        var id = workflow.GetProperty("workflow_id").GetString()!;
        await gateway.Http.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=30", new { });

        await Page.GotoAsync(gateway.Url("/dashboard/domains"));

        await Expect(Page.Locator("#event-rates tr", new() { HasText = "flow.ping" })).ToContainTextAsync("3");
        var subscription = Page.Locator("#subscriptions tr", new() { HasText = "flow_domain" });
        await Expect(subscription).ToContainTextAsync("flow.*");
        await Expect(Page.Locator("#wf-rolled-back")).ToContainTextAsync("flow_rollback");
        await Expect(Page.Locator("#wf-rolled-back tr", new() { HasText = "flow_rollback" })).ToContainTextAsync("rolled_back");
        await Expect(Page.Locator("#top-contributors tr", new() { HasText = "flow_domain" })).ToContainTextAsync("1");
        await Expect(Page.Locator("#confidence .column")).ToHaveCountAsync(10);
        await Expect(Page.Locator("#memory-totals")).ToContainTextAsync("contributions");

        await Screenshots.SaveAsync(Page, "dashboard-domains.png", fullPage: true);

        await Page.ClickAsync($"#wf-rolled-back a[title='{id}']");
        await Expect(Page).ToHaveURLAsync(gateway.Url($"/dashboard/domains/workflows/{id}"));
        await Expect(Page.Locator("#steps")).ToContainTextAsync("nowhere_domain");
    }
}
