using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>Without keys (loopback) every request runs as <c>local</c>, which holds every role (docs/gateway.md, Identity).</summary>
public sealed class LocalPrincipalTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Without_keys_requests_run_as_local_which_may_decide_any_approval_and_verify_as_any_domain()
    {
        var created = await fixture.Http.PostOkAsync("/domains/workflows/create", new
        {
            name = "local approval",
            steps = new object[] { new { type = "approval", domain_id = "neural", approvers = new[] { "expert:neural" } } },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        Assert.Equal("local", created.GetProperty("audit")[0].GetProperty("actor").GetString());
        await fixture.Http.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=0", new { });
        string? reviewId = null;
        await Eventually.True(async () =>
        {
            var workflow = await fixture.Http.GetOkAsync($"/domains/workflows/{id}");
            reviewId = workflow.GetProperty("steps")[0].GetProperty("status").GetString() == "waiting"
                ? workflow.GetProperty("steps")[0].GetProperty("review_id").GetString() : null;
            return reviewId is not null;
        }, "the approval waits");

        var decided = await fixture.Http.PostOkAsync($"/domains/reviews/{reviewId}/approve", new { });
        Assert.Equal("local", decided.GetProperty("decided_by").GetString());

        var contribution = await fixture.Http.PostOkAsync("/domains/memory/contribute",
            new { domain_id = "local_writer", contribution_type = "pattern", content = new { tip = "local" } });
        var verified = await fixture.Http.PostOkAsync($"/domains/memory/verify/{contribution.GetProperty("contribution_id").GetString()}", new { domain_id = "any_domain" });
        Assert.Equal(1, verified.GetProperty("verifications").GetInt32());
    }
}
