using System.Text.Json;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>Approval steps and the expert's review routes over real HTTP: a workflow waits for a person, who approves or
/// rejects it as a named principal; the audit records who; roles decide who may (issue 14).</summary>
public sealed class ApprovalApiTests(ExpertGatewayFixture fixture) : IClassFixture<ExpertGatewayFixture>, IAsyncLifetime
{
    private EndpointDomain _remote = null!;

    public async Task InitializeAsync()
    {
        _remote = await EndpointDomain.StartAsync();
        ApprovalWorkflows.AnswerWithPatch(_remote);
    }

    public async Task DisposeAsync() => await _remote.DisposeAsync();

    /// <summary>Registers the test's endpoint domain as <paramref name="domain"/> and starts prepare → approval (of code) → apply.</summary>
    private Task<string> StartWaitingWorkflowAsync(string domain, string? timeout = null) =>
        ApprovalWorkflows.StartWaitingAsync(fixture.Alice, fixture.Carol, _remote, domain, timeout);

    private static string? StepStatus(JsonElement workflow, string stepId) => ApprovalWorkflows.StepStatus(workflow, stepId);

    private static JsonElement Step(JsonElement workflow, string stepId) => ApprovalWorkflows.Step(workflow, stepId);

    private Task<JsonElement> FinishedAsync(string id) => ApprovalWorkflows.FinishedAsync(fixture.Alice, id);

    private static JsonElement[] Audit(JsonElement workflow) => ApprovalWorkflows.Audit(workflow);

    [Fact]
    public async Task An_approved_workflow_continues_and_its_audit_names_the_expert()
    {
        var id = await StartWaitingWorkflowAsync("approve_domain");
        var waiting = await fixture.Alice.GetOkAsync($"/domains/workflows/{id}");
        var reviewId = Step(waiting, "step_2").GetProperty("review_id").GetString()!;
        Assert.Matches("^apr_[0-9a-f]{32}$", reviewId);
        Assert.Equal("pending", StepStatus(waiting, "step_3"));

        var pending = await fixture.Alice.GetOkAsync("/domains/reviews?status=pending&limit=500");
        var review = pending.GetProperty("reviews").EnumerateArray().Single(r => r.GetProperty("review_id").GetString() == reviewId);
        Assert.Equal("approval", review.GetProperty("kind").GetString());
        Assert.Equal("code", review.GetProperty("domain_id").GetString());
        Assert.Equal("Apply this patch?", review.GetProperty("prompt").GetString());
        Assert.Equal(["expert:code"], review.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(id, review.GetProperty("subject_id").GetString());
        Assert.Equal("carol", review.GetProperty("requested_by").GetString());
        var dependency = review.GetProperty("context").GetProperty("dependencies").GetProperty("step_1");
        Assert.Equal("rename x to y", dependency.GetProperty("output").GetProperty("patch").GetString());
        Assert.True(review.GetProperty("deadline_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        // bob is the expert of docs, not code: his list leaves it out.
        var bobs = await fixture.Bob.GetOkAsync("/domains/reviews?status=pending&limit=500");
        Assert.DoesNotContain(bobs.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("review_id").GetString() == reviewId);

        var approved = await fixture.Alice.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { comment = "looks right" });
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("alice", approved.GetProperty("decided_by").GetString());

        var finished = await FinishedAsync(id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("completed", StepStatus(finished, "step_3"));
        var output = Step(finished, "step_2").GetProperty("output");
        Assert.Equal("approved", output.GetProperty("decision").GetString());
        Assert.Equal("alice", output.GetProperty("decided_by").GetString());
        var audit = Audit(finished);
        Assert.Equal("carol", audit[0].GetProperty("actor").GetString()); // created
        Assert.Equal("carol", audit.Single(e => e.GetProperty("type").GetString() == "started").GetProperty("actor").GetString());
        var decision = audit.Single(e => e.GetProperty("type").GetString() == "approved");
        Assert.Equal("alice", decision.GetProperty("actor").GetString());
        Assert.Equal("looks right", decision.GetProperty("detail").GetString());
        Assert.Equal("step_2", decision.GetProperty("step_id").GetString());
        var verified = await fixture.Alice.GetOkAsync($"/domains/workflows/{id}/verify");
        Assert.True(verified.GetProperty("valid").GetBoolean(), verified.ToString());

        var after = await fixture.Alice.GetOkAsync($"/domains/reviews/{reviewId}");
        Assert.Equal("approved", after.GetProperty("status").GetString());
        Assert.Equal("looks right", after.GetProperty("comment").GetString());
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{reviewId}/approve", "{}"), 409, "already approved (by alice)");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{reviewId}/reject", "{}"), 409, "already approved");
    }

    [Fact]
    public async Task A_rejected_workflow_compensates_its_completed_steps()
    {
        var id = await StartWaitingWorkflowAsync("reject_domain");
        var reviewId = Step(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_2").GetProperty("review_id").GetString()!;

        var rejected = await fixture.Alice.PostOkAsync($"/domains/reviews/{reviewId}/reject", new { comment = "breaks the build" });
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        var finished = await FinishedAsync(id);
        Assert.Equal("rolled_back", finished.GetProperty("status").GetString());
        Assert.Equal("compensated", StepStatus(finished, "step_1"));
        Assert.Equal("failed", StepStatus(finished, "step_2"));
        Assert.Equal("skipped", StepStatus(finished, "step_3"));
        Assert.Contains("rejected by alice: breaks the build", finished.GetProperty("error").GetString());
        Assert.Contains(_remote.Calls, c => c.Path == "/actions/prepare/compensate" && c.Body.GetProperty("workflow_id").GetString() == id);
        Assert.DoesNotContain(_remote.Calls, c => c.Path == "/actions/apply" && c.Body.GetProperty("workflow_id").GetString() == id);
        var decision = Audit(finished).Single(e => e.GetProperty("type").GetString() == "rejected");
        Assert.Equal("alice", decision.GetProperty("actor").GetString());
        Assert.True((await fixture.Alice.GetOkAsync($"/domains/workflows/{id}/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task An_approval_nobody_decides_times_out_and_the_workflow_compensates()
    {
        var id = await StartWaitingWorkflowAsync("timeout_domain", timeout: "PT2S");
        var reviewId = Step(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_2").GetProperty("review_id").GetString()!;

        var finished = await FinishedAsync(id);

        Assert.Equal("rolled_back", finished.GetProperty("status").GetString());
        Assert.Equal("compensated", StepStatus(finished, "step_1"));
        Assert.Contains("no decision within the approval's timeout (PT2S)", finished.GetProperty("error").GetString());
        var timedOut = Audit(finished).Single(e => e.GetProperty("type").GetString() == "approval_timed_out");
        Assert.Equal("system", timedOut.GetProperty("actor").GetString());
        var review = await fixture.Alice.GetOkAsync($"/domains/reviews/{reviewId}");
        Assert.Equal("timed_out", review.GetProperty("status").GetString());
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{reviewId}/approve", "{}"), 409, "already timed out");
        Assert.True((await fixture.Alice.GetOkAsync($"/domains/workflows/{id}/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Only_a_principal_with_an_approver_role_may_decide()
    {
        var id = await StartWaitingWorkflowAsync("forbidden_domain");
        var reviewId = Step(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_2").GetProperty("review_id").GetString()!;

        HttpJson.AssertProblem(await fixture.Bob.PostJsonAsync($"/domains/reviews/{reviewId}/approve", "{}"), 403, "expert:code");
        HttpJson.AssertProblem(await fixture.Carol.PostJsonAsync($"/domains/reviews/{reviewId}/reject", "{}"), 403, "expert:code");
        HttpJson.AssertProblem(await fixture.Bob.PostJsonAsync("/domains/reviews/apr_00000000000000000000000000000000/approve", "{}"), 404, "does not exist");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{reviewId}/correct", """{"content": {"x": 1}}"""), 400, "not corrected");
        HttpJson.AssertProblem(await fixture.Alice.GetJsonAsync("/domains/reviews/apr_missing"), 404, "does not exist");

        var still = await fixture.Alice.GetOkAsync($"/domains/workflows/{id}");
        Assert.Equal("waiting", StepStatus(still, "step_2"));
        Assert.Equal("pending", (await fixture.Alice.GetOkAsync($"/domains/reviews/{reviewId}")).GetProperty("status").GetString());
        await fixture.Alice.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { });
        Assert.Equal("completed", (await FinishedAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Approval_steps_and_decisions_with_bad_fields_are_400s()
    {
        var tooLong = await fixture.Alice.PostJsonAsync("/domains/workflows/create",
            """{"name": "w", "steps": [{"type": "approval", "domain_id": "code", "timeout": "one hour"}]}""");
        HttpJson.AssertProblem(tooLong, 400, "steps[0].timeout must be an ISO 8601 duration");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/workflows/create",
            """{"name": "w", "steps": [{"type": "approval", "domain_id": "code", "timeout": "P90D"}]}"""), 400, "between 1 second and 30 days");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/workflows/create",
            """{"name": "w", "steps": [{"type": "approval", "domain_id": "code", "approvers": ["boss"]}]}"""), 400, "'boss' is not a role");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/workflows/create",
            """{"name": "w", "steps": [{"type": "vote", "domain_id": "code"}]}"""), 400, "steps[0].type must be 'action' or 'approval'");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/workflows/create",
            """{"name": "w", "steps": [{"domain_id": "code", "action": "x", "prompt": "ok?"}]}"""), 400, "steps[0].prompt applies only to steps of type 'approval'");
        HttpJson.AssertProblem(await fixture.Alice.GetJsonAsync("/domains/reviews?status=maybe"), 400, "status must be one of");
        HttpJson.AssertProblem(await fixture.Alice.GetJsonAsync("/domains/reviews?limit=0"), 400, "limit must be between 1 and 500");
        HttpJson.AssertProblem(await fixture.Alice.GetJsonAsync("/domains/reviews?domain=no%20such"), 400, "domain");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/reviews/apr_x/approve", $$"""{"comment": "{{new string('c', 4001)}}"}"""), 400, "comment must be at most 4000");
    }

    [Fact]
    public async Task An_approval_with_named_approvers_is_decided_by_them()
    {
        await fixture.Alice.PostOkAsync("/domains/register", new { domain_id = "named_domain", endpoint = _remote.Endpoint, capabilities = new[] { "approval-test" } });
        var created = await fixture.Alice.PostOkAsync("/domains/workflows/create", new
        {
            name = "publish",
            steps = new object[] { new { type = "approval", domain_id = "code", approvers = new[] { "expert:docs" } } },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        var started = await fixture.Alice.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=0", new { });
        await Eventually.True(async () => StepStatus(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_1") == "waiting", "waits");
        var reviewId = Step(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_1").GetProperty("review_id").GetString()!;
        Assert.Equal("alice", Audit(started).Single(e => e.GetProperty("type").GetString() == "started").GetProperty("actor").GetString());

        // alice is the expert of code, but this step names docs' expert only.
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{reviewId}/approve", "{}"), 403, "expert:docs");
        await fixture.Bob.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { });
        var finished = await FinishedAsync(id);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("bob", Audit(finished).Single(e => e.GetProperty("type").GetString() == "approved").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_verification_needs_a_role_for_the_verifying_domain()
    {
        var contribution = await fixture.Carol.PostOkAsync("/domains/memory/contribute",
            new { domain_id = "writer_domain", contribution_type = "pattern", content = new { tip = "cache the parser" } });
        var id = contribution.GetProperty("contribution_id").GetString();

        // carol has no roles: she cannot vouch as another domain; bob is the expert of docs only.
        HttpJson.AssertProblem(await fixture.Carol.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "made_up_domain"}"""), 403, "expert:made_up_domain");
        HttpJson.AssertProblem(await fixture.Bob.PostJsonAsync($"/domains/memory/verify/{id}", """{"domain_id": "code"}"""), 403, "may not verify as domain 'code'");
        var byDocs = await fixture.Bob.PostOkAsync($"/domains/memory/verify/{id}", new { domain_id = "docs" });
        Assert.Equal(["docs"], byDocs.GetProperty("verified_by").EnumerateArray().Select(v => v.GetString()));
        // alice is an operator: she may act for any domain.
        var byOther = await fixture.Alice.PostOkAsync($"/domains/memory/verify/{id}", new { domain_id = "other_domain" });
        Assert.Equal(2, byOther.GetProperty("verifications").GetInt32());
    }

    [Fact]
    public async Task The_stream_sends_the_pending_reviews_at_once_and_when_they_change()
    {
        using var stream = fixture.Client(ExpertGatewayFixture.AliceKey);
        using var response = await stream.GetAsync("/domains/reviews/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextEventAsync(reader).Within();
        Assert.Equal("pending", first.Event);

        var id = await StartWaitingWorkflowAsync("stream_domain");
        var reviewId = Step(await fixture.Alice.GetOkAsync($"/domains/workflows/{id}"), "step_2").GetProperty("review_id").GetString()!;
        await Eventually.True(async () =>
        {
            var next = await NextEventAsync(reader);
            return next.Data.GetProperty("reviews").EnumerateArray().Any(r => r.GetProperty("review_id").GetString() == reviewId);
        }, "the stream lists the new approval");
        await fixture.Alice.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { });
        await Eventually.True(async () =>
        {
            var next = await NextEventAsync(reader);
            return next.Data.GetProperty("reviews").EnumerateArray().All(r => r.GetProperty("review_id").GetString() != reviewId);
        }, "the stream drops the decided approval");
    }

    private static async Task<(string Event, JsonElement Data)> NextEventAsync(StreamReader reader)
    {
        string? type = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) { type = line[7..]; }
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) { return (type ?? "message", JsonDocument.Parse(line[6..]).RootElement.Clone()); }
        }
        throw new EndOfStreamException("the stream ended");
    }
}
