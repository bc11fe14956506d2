namespace Rayswarm.Dashboard.Tests;

/// <summary>One workflow's page in a browser: its steps with their timings, its audit trail and the verify button.</summary>
[Collection(BrowserTests.Name)]
public sealed class WorkflowPageTests(Chromium chromium, GatewayFixture gateway) : PageTests(chromium)
{
    [Fact]
    public async Task A_completed_workflow_shows_its_steps_and_verify_reports_the_chain_valid()
    {
        // Over the built-in domains, so it completes with nothing else running (docs/domains.md).
        var created = await gateway.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "record_finding",
            steps = new object[]
            {
                new { domain_id = "memory", action = "contribute", data = new { domain_id = "ops_domain", contribution_type = "runbook", content = new { issue = "port_timeout", fix = "raise the pool size" } } },
                new { domain_id = "memory", action = "search", data = new { query = "port timeout", limit = 5 }, depends_on = new[] { "step_1" } },
                new { domain_id = "events", action = "publish", data = new { event_type = "ops.finding_recorded", data = new { issue = "port_timeout" } }, depends_on = new[] { "step_1" } },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        var executed = await gateway.Http.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=30", new { });
        Assert.Equal("completed", executed.GetProperty("status").GetString());

        await Page.GotoAsync(gateway.Url($"/dashboard/domains/workflows/{id}"));

        await Expect(Page.Locator("#title")).ToContainTextAsync("record_finding");
        await Expect(Page.Locator("#title .badge")).ToHaveTextAsync("completed");
        var steps = Page.Locator("#steps tbody tr");
        await Expect(steps).ToHaveCountAsync(3);
        foreach (var (step, action, index) in new[] { ("step_1", "contribute", 0), ("step_2", "search", 1), ("step_3", "publish", 2) })
        {
            var row = steps.Nth(index); // in definition order
            await Expect(row.Locator("td").First).ToHaveTextAsync(step);
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(action);
            await Expect(row.Locator(".badge")).ToHaveTextAsync("completed");
            await Expect(row.Locator("td.num")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d+)? (ms|s)$"));
            await Expect(row.Locator(".timeline")).ToBeVisibleAsync();
        }
        var audit = Page.Locator("#audit tbody tr");
        await Expect(audit).ToHaveCountAsync(9); // created, started, 3 × (step_started, step_completed), completed
        await Expect(audit.First).ToContainTextAsync("created");
        await Expect(audit.Last).ToContainTextAsync("completed");

        await Page.ClickAsync("#verify");

        var verdict = Page.Locator("#verification .verdict");
        await Expect(verdict).ToHaveAttributeAsync("data-valid", "true");
        await Expect(verdict).ToContainTextAsync("Valid: the audit chain and its signature check out.");
        await Expect(verdict).ToContainTextAsync("9 entries · chain valid · signature valid");
        await Screenshots.SaveAsync(Page, "dashboard-workflow.png", fullPage: true);
    }
}
