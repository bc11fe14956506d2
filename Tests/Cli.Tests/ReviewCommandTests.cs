using System.Text.Json;

namespace Rayswarm.Cli.Tests;

/// <summary><c>rayswarm review list|approve|reject</c> against the embedded gateway, where everything runs as <c>local</c>
/// (who holds every role): a workflow waits for its approval step, the CLI lists and decides it.</summary>
[Collection(CliGateway.Name)]
public sealed class ReviewCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Review_list_shows_the_waiting_approval_and_approve_completes_the_workflow_with_the_approver_in_the_audit()
    {
        var tag = WorkflowFiles.Tag();
        var (workflowId, review) = await StartWaitingAsync(tag);
        Assert.Equal("pending", review.GetProperty("status").GetString());
        Assert.Equal($"Publish {tag}?", review.GetProperty("prompt").GetString());
        Assert.Equal("step_2", review.GetProperty("step_id").GetString());
        var reviewId = review.GetProperty("review_id").GetString()!;

        var table = (await gateway.RunAsync("review", "list", "--domain", "memory", "--status", "pending")).Ok();
        Assert.Contains(reviewId, table.Output, StringComparison.Ordinal);
        Assert.Contains(tag, table.Output, StringComparison.Ordinal); // in the prompt, which may wrap after "Publish"

        var approved = (await gateway.RunAsync("review", "approve", reviewId, "--comment", "looks right " + tag, "--json")).Ok().Json();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("local", approved.GetProperty("decided_by").GetString());
        Assert.Equal("looks right " + tag, approved.GetProperty("comment").GetString());

        var finished = await FinishedAsync(workflowId);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        var decision = Assert.Single(finished.GetProperty("audit").EnumerateArray(), e => e.GetProperty("type").GetString() == "approved");
        Assert.Equal("local", decision.GetProperty("actor").GetString());
        Assert.True((await gateway.RunAsync("workflow", "verify", workflowId, "--json")).Ok().Json().GetProperty("valid").GetBoolean());
        var pending = (await gateway.RunAsync("review", "list", "--domain", "memory", "--status", "pending", "--json")).Ok().Json();
        Assert.DoesNotContain(pending.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("review_id").GetString() == reviewId);

        // Deciding it again is the gateway's 409, in one line, exit 1.
        var again = await gateway.RunAsync("review", "reject", reviewId, "--comment", "too late");
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith("rayswarm: 409 ", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_reject_compensates_the_workflow()
    {
        var tag = WorkflowFiles.Tag();
        var (workflowId, review) = await StartWaitingAsync(tag);

        var rejected = (await gateway.RunAsync("review", "reject", review.GetProperty("review_id").GetString()!, "-m", "no", "--json")).Ok().Json();

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var finished = await FinishedAsync(workflowId);
        Assert.Equal("rolled_back", finished.GetProperty("status").GetString());
        Assert.Equal("compensated", finished.GetProperty("steps")[0].GetProperty("status").GetString());
        Assert.Equal("local", Assert.Single(finished.GetProperty("audit").EnumerateArray(), e => e.GetProperty("type").GetString() == "rejected")
            .GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Review_approve_of_an_unknown_id_is_a_404_in_one_line_and_a_missing_id_is_usage()
    {
        var unknown = await gateway.RunAsync("review", "approve", "apr_" + Guid.NewGuid().ToString("N"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("rayswarm: 404 ", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);

        var usage = await gateway.RunAsync("review", "approve");
        Assert.Equal(2, usage.ExitCode);
    }

    [Fact]
    public async Task Review_correct_writes_a_new_version_that_query_finds_instead_of_the_old_one()
    {
        var (before, after) = ("w" + WorkflowFiles.Tag(), "w" + WorkflowFiles.Tag());
        var contributed = (await gateway.RunAsync("memory", "contribute", "--domain", GatewayFixture.ReviewedDomain, "--type", "tip",
            "--content", $$"""{"tip": "{{before}}"}""", "--json")).Ok().Json();
        var oldId = contributed.GetProperty("contribution_id").GetString()!;
        var listed = (await gateway.RunAsync("review", "list", "--domain", GatewayFixture.ReviewedDomain, "--status", "pending", "--limit", "500", "--json")).Ok().Json();
        var reviewId = Assert.Single(listed.GetProperty("reviews").EnumerateArray(), r => r.GetProperty("subject_id").GetString() == oldId)
            .GetProperty("review_id").GetString()!;

        var corrected = (await gateway.RunAsync("review", "correct", reviewId, "--content", $$"""{"tip": "{{after}}"}""", "-m", "sharper", "--json")).Ok().Json();

        Assert.Equal(("corrected", "local"), (corrected.GetProperty("status").GetString(), corrected.GetProperty("decided_by").GetString()));
        var newId = corrected.GetProperty("result_id").GetString();
        var found = (await gateway.RunAsync("memory", "query", after, "--json")).Ok().Json();
        var match = Assert.Single(found.GetProperty("results").EnumerateArray()).GetProperty("contribution");
        Assert.Equal((newId, oldId), (match.GetProperty("contribution_id").GetString(), match.GetProperty("supersedes").GetString()));
        Assert.Empty((await gateway.RunAsync("memory", "query", before, "--json")).Ok().Json().GetProperty("results").EnumerateArray());

        var notJson = await gateway.RunAsync("review", "correct", reviewId, "--content", "[1]");
        Assert.Equal(2, notJson.ExitCode);
    }

    /// <summary>Creates and starts <see cref="ApprovalFiles.PublishAfterApproval"/>; returns it once <c>review list</c> shows
    /// its pending approval.</summary>
    private async Task<(string WorkflowId, JsonElement Review)> StartWaitingAsync(string tag)
    {
        var created = (await gateway.RunAsync("workflow", "create", ApprovalFiles.PublishAfterApproval("approve_" + tag, tag), "--json")).Ok().Json();
        var workflowId = created.GetProperty("workflow_id").GetString()!;
        (await gateway.RunAsync("workflow", "execute", workflowId)).Ok();
        JsonElement review = default;
        await Eventually.True(async () =>
        {
            var list = (await gateway.RunAsync("review", "list", "--domain", "memory", "--json")).Ok().Json();
            review = list.GetProperty("reviews").EnumerateArray().FirstOrDefault(r => r.GetProperty("subject_id").GetString() == workflowId);
            return review.ValueKind == JsonValueKind.Object;
        }, $"the approval of {workflowId} is listed");
        return (workflowId, review);
    }

    private async Task<JsonElement> FinishedAsync(string workflowId)
    {
        JsonElement workflow = default;
        await Eventually.True(async () =>
        {
            workflow = (await gateway.RunAsync("workflow", "show", workflowId, "--json")).Ok().Json();
            return workflow.GetProperty("status").GetString() is "completed" or "rolled_back" or "failed";
        }, $"workflow {workflowId} finishes");
        return workflow;
    }
}
