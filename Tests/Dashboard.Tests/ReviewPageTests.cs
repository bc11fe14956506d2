using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rayswarm.Dashboard.Tests;

/// <summary>The expert's review page (/review) in a browser: sign in with a key, see an approval with the outputs it depends on,
/// decide it with the mouse or the keyboard alone, follow the pending list live, and be told clearly when a key may not decide;
/// correct a contribution, whose new version queries then find instead of the old one.
/// Keys: alice (expert:code, operator), bob (expert:docs), carol (no roles) — <see cref="ExpertGatewayFixture"/>.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReviewPageTests(Chromium chromium, ExpertGatewayFixture experts, GatewayFixture keyless)
    : PageTests(chromium), IClassFixture<ExpertGatewayFixture>, IAsyncLifetime
{
    private EndpointDomain _remote = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _remote = await EndpointDomain.StartAsync();
        ApprovalWorkflows.AnswerWithPatch(_remote);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _remote.DisposeAsync();
    }

    private string Url(string path) => new Uri(experts.Gateway.BaseAddress, path).ToString();

    private Task<string> StartWaitingAsync(string domain, string? timeout = null) =>
        ApprovalWorkflows.StartWaitingAsync(experts.Alice, experts.Carol, _remote, domain, timeout);

    private ILocator Card(string reviewId) => Page.Locator($"li.review[data-review-id=\"{reviewId}\"]");

    private async Task SignInAsync(string key)
    {
        await Page.FillAsync("#key", key);
        await Page.ClickAsync("#sign-in-button");
    }

    [Fact]
    public async Task An_expert_signs_in_sees_the_first_steps_output_approves_and_the_audit_names_her()
    {
        var id = await StartWaitingAsync("page_approve_domain");
        var reviewId = await ApprovalWorkflows.ReviewIdAsync(experts.Alice, id);

        await Page.GotoAsync(Url("/review"));
        await Expect(Page.Locator("#sign-in")).ToBeVisibleAsync();
        await SignInAsync("not-a-key-0123456789abcdef");
        await Expect(Page.Locator("#sign-in-message")).ToHaveTextAsync("The API key is not known.");
        await SignInAsync(ExpertGatewayFixture.AliceKey);

        var card = Card(reviewId);
        await Expect(card.Locator("h3")).ToContainTextAsync("Apply this patch?");
        await Expect(card.Locator(".meta")).ToContainTextAsync("refactor");
        await Expect(card.Locator(".meta")).ToContainTextAsync("carol"); // requested by
        var step = card.Locator(".step[data-step-id=\"step_1\"]");
        await Expect(step).ToContainTextAsync("page_approve_domain.prepare");
        await Expect(step.Locator(".badge")).ToHaveTextAsync("completed");
        await Expect(step.Locator(".output")).ToContainTextAsync("\"patch\": \"rename x to y\"");
        await Expect(Page.Locator("#sign-in")).ToBeHiddenAsync();
        Assert.Empty(await Page.Context.CookiesAsync()); // the key is sent in a header, never kept in a cookie
        Assert.Empty(await LowContrastTextAsync());
        await Screenshots.SaveAsync(Page, "review.png", fullPage: true);

        await card.Locator("textarea.comment").FillAsync("looks right");
        await card.Locator("button.approve").ClickAsync();

        await Expect(card).ToHaveCountAsync(0);
        await Expect(Page.Locator("#log")).ToContainTextAsync($"Approved: “Apply this patch?” ({reviewId}) as alice.");
        var finished = await ApprovalWorkflows.FinishedAsync(experts.Alice, id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        var decision = ApprovalWorkflows.Audit(finished).Single(e => e.GetProperty("type").GetString() == "approved");
        Assert.Equal(("alice", "looks right"), (decision.GetProperty("actor").GetString(), decision.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_approval_that_times_out_leaves_the_list_and_its_workflow_is_compensated()
    {
        await Page.GotoAsync(Url("/review"));
        await SignInAsync(ExpertGatewayFixture.AliceKey);
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Live");

        // Long enough for the page to show it on a loaded machine, short enough to wait for.
        var id = await StartWaitingAsync("page_timeout_domain", timeout: "PT15S");
        var reviewId = await ApprovalWorkflows.ReviewIdAsync(experts.Alice, id);
        await Expect(Card(reviewId)).ToBeVisibleAsync();

        await Expect(Card(reviewId)).ToHaveCountAsync(0);
        await Expect(Page.Locator("#log")).ToContainTextAsync($"Left the list: “Apply this patch?” ({reviewId}) — timed out (by system).");
        var finished = await ApprovalWorkflows.FinishedAsync(experts.Alice, id);
        Assert.Equal("rolled_back", finished.GetProperty("status").GetString());
        Assert.Equal("compensated", ApprovalWorkflows.StepStatus(finished, "step_1"));
        Assert.Contains(_remote.Calls, c => c.Path == "/actions/prepare/compensate" && c.Body.GetProperty("workflow_id").GetString() == id);
    }

    [Fact]
    public async Task A_key_without_expert_code_is_told_it_may_not_approve_a_code_step()
    {
        var id = await StartWaitingAsync("page_forbidden_domain");
        var reviewId = await ApprovalWorkflows.ReviewIdAsync(experts.Alice, id);

        await Page.GotoAsync(Url("/review"));
        await SignInAsync(ExpertGatewayFixture.BobKey);
        await Expect(Page.Locator("#reviews-section")).ToBeVisibleAsync();
        await Expect(Card(reviewId)).ToHaveCountAsync(0); // bob's own list: the domains he is an expert of (docs)
        await Page.FillAsync("#domain", "code");
        await Page.ClickAsync("#filter-button");
        await Expect(Page).ToHaveURLAsync(Url("/review?domain=code"));
        await Card(reviewId).Locator("button.approve").ClickAsync();

        var message = Card(reviewId).Locator("[role=alert]");
        await Expect(message).ToHaveTextAsync($"Not allowed: 'bob' may not decide review '{reviewId}': that needs one of the roles expert:code.");
        await Expect(Card(reviewId).Locator("button.approve")).ToBeEnabledAsync();
        Assert.Equal("pending", (await experts.Alice.GetOkAsync($"/domains/reviews/{reviewId}")).GetProperty("status").GetString());
        await experts.Alice.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { }); // leaves the shared list clean
    }

    [Fact]
    public async Task With_the_keyboard_alone_an_expert_signs_in_and_approves_a_new_approval_that_appears_without_a_reload()
    {
        await Page.GotoAsync(Url("/review"));
        await Expect(Page.Locator("#key")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(ExpertGatewayFixture.AliceKey);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Live");
        await Page.EvaluateAsync("() => { window.sameDocument = true; }");

        var id = await StartWaitingAsync("page_keyboard_domain");
        var reviewId = await ApprovalWorkflows.ReviewIdAsync(experts.Alice, id);
        var approve = Card(reviewId).Locator("button.approve");
        await Expect(approve).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");

        var presses = 0;
        while (!await approve.EvaluateAsync<bool>("b => b === document.activeElement"))
        {
            Assert.True(++presses < 200, "Tab never reached the approve button");
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("solid 3px", await approve.EvaluateAsync<string>("b => { const s = getComputedStyle(b); return `${s.outlineStyle} ${s.outlineWidth}`; }"));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Card(reviewId)).ToHaveCountAsync(0);
        await Expect(Page.Locator("#reviews-heading")).ToBeFocusedAsync(); // focus is not lost with the card
        var finished = await ApprovalWorkflows.FinishedAsync(experts.Alice, id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("alice", ApprovalWorkflows.Audit(finished).Single(e => e.GetProperty("type").GetString() == "approved").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task An_expert_corrects_a_contribution_and_queries_find_the_new_version_not_the_old()
    {
        var (first, second) = (MarkerWord(), MarkerWord());
        var contributed = await experts.Carol.PostOkAsync("/domains/memory/contribute",
            new { domain_id = "code", contribution_type = "pattern", content = new { tip = $"pool {first} connections" } });
        Assert.Equal("pending", contributed.GetProperty("review_status").GetString());
        var id = contributed.GetProperty("contribution_id").GetString()!;
        var reviewId = "rev_" + id;
        Assert.Equal([id], Ids(await FoundAsync(first))); // a pending contribution is found until it is corrected

        await Page.GotoAsync(Url("/review"));
        await SignInAsync(ExpertGatewayFixture.AliceKey);
        var card = Card(reviewId);
        const string Title = "Accept, correct or reject this pattern of code (confidence 0.5).";
        await Expect(card.Locator("h3")).ToContainTextAsync(Title);
        await Expect(card.Locator(".meta").First).ToContainTextAsync(id);
        await Expect(card.Locator(".context pre.output").First).ToContainTextAsync($"\"tip\": \"pool {first} connections\"");
        await Expect(card.Locator("textarea.content")).ToHaveValueAsync(new Regex(first));

        await card.Locator("textarea.content").FillAsync($$"""{"tip": "pool {{second}} connections"}""");
        await card.Locator("textarea.comment").FillAsync("the other word");
        await card.Locator("button.correct").ClickAsync();

        await Expect(card).ToHaveCountAsync(0);
        var newVersion = Assert.Single(await FoundAsync(second));
        var newId = newVersion.GetProperty("contribution_id").GetString()!;
        Assert.NotEqual(id, newId);
        Assert.Equal((id, "alice"), (newVersion.GetProperty("supersedes").GetString(), newVersion.GetProperty("contributed_by").GetString()));
        await Expect(Page.Locator("#log")).ToContainTextAsync($"Corrected: “{Title}” ({reviewId}) as alice; new version {newId}.");
        Assert.Empty(await FoundAsync(first));
        var review = await experts.Alice.GetOkAsync($"/domains/reviews/{reviewId}");
        Assert.Equal(("corrected", "alice"), (review.GetProperty("status").GetString(), review.GetProperty("decided_by").GetString()));
    }

    /// <summary>The contributions a memory query for <paramref name="word"/> finds.</summary>
    private async Task<JsonElement[]> FoundAsync(string word) =>
        [.. (await experts.Alice.GetOkAsync($"/domains/memory/query?query={word}")).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("contribution"))];

    private static string[] Ids(JsonElement[] contributions) => [.. contributions.Select(c => c.GetProperty("contribution_id").GetString()!)];

    /// <summary>A word of letters found in no other contribution.</summary>
    private static string MarkerWord() => "marker" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [Fact]
    public async Task Without_keys_the_page_runs_as_local_and_is_linked_from_the_domain_views()
    {
        var created = await keyless.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "local_approval",
            steps = new object[] { new { type = "approval", domain_id = "code", prompt = "Ship it?" } },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        await keyless.Http.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=0", new { });
        await Eventually.True(async () => ApprovalWorkflows.StepStatus(await keyless.Http.GetOkAsync($"/domains/workflows/{id}"), "step_1") == "waiting", "waits");
        var reviewId = await ApprovalWorkflows.ReviewIdAsync(keyless.Http, id, "step_1");

        await Page.GotoAsync(keyless.Url("/dashboard/domains"));
        await Page.ClickAsync("#review-page-link");
        await Expect(Page).ToHaveURLAsync(keyless.Url("/review"));
        await Expect(Page.Locator("#who")).ToHaveTextAsync("Running as local (this gateway has no keys)");
        await Expect(Page.Locator("#sign-in")).ToBeHiddenAsync();
        await Expect(Page.Locator("#sign-out")).ToBeHiddenAsync();
        await Card(reviewId).Locator("button.approve").ClickAsync();

        await Expect(Page.Locator("#log")).ToContainTextAsync($"Approved: “Ship it?” ({reviewId}) as local.");
        var finished = await ApprovalWorkflows.FinishedAsync(keyless.Http, id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
    }

    /// <summary>Every visible element with text of its own whose colour has less than 4.5:1 contrast with the background behind it
    /// (WCAG 2 AA for normal text).</summary>
    private Task<string[]> LowContrastTextAsync() => Page.EvaluateAsync<string[]>("""
        () => {
          const parse = c => { const p = c.match(/[\d.]+/g).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const background = node => {
            for (let n = node; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c.a > 0) return c; }
            return { r: 255, g: 255, b: 255, a: 1 };
          };
          const low = [];
          for (const node of document.querySelectorAll('body *')) {
            if (node.disabled || !node.checkVisibility()) continue;
            if (![...node.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
            const a = luminance(parse(getComputedStyle(node).color)), b = luminance(background(node));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) low.push(`${node.tagName.toLowerCase()}.${node.className} "${node.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}`);
          }
          return low;
        }
        """);
}
