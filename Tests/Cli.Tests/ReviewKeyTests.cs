using System.Text.Json;

namespace Rayswarm.Cli.Tests;

/// <summary><c>rayswarm review</c> on a gateway with keys of named principals: a key whose principal is not an approver
/// gets the gateway's 403 in one line; the expert's key approves, and the decision names the expert.</summary>
public sealed class ReviewKeyTests : IDisposable
{
    private const string ExpertKey = "cli-expert-key-0123456789abcdef";
    private const string WriterKey = "cli-writer-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-cli-review-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Review_approve_with_a_key_that_is_not_an_approver_is_a_403_line_and_the_experts_key_approves()
    {
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "alice", key = ExpertKey, scopes = new[] { "write" }, roles = new[] { "expert:memory" }, requests_per_second = 1000 },
            new { name = "carol", key = WriterKey, scopes = new[] { "write" }, requests_per_second = 1000 },
        }));
        await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(_dir, "data"), "--api-keys-file", keys);
        var url = gateway.BaseAddress.ToString();
        var tag = WorkflowFiles.Tag();
        var created = (await InProcessCli.RunAsync("workflow", "create", ApprovalFiles.PublishAfterApproval("keys_" + tag, tag), "--json",
            "--url", url, "--api-key", WriterKey)).Ok().Json();
        var workflowId = created.GetProperty("workflow_id").GetString()!;
        (await InProcessCli.RunAsync("workflow", "execute", workflowId, "--url", url, "--api-key", WriterKey)).Ok();
        string? reviewId = null;
        await Eventually.True(async () =>
        {
            var list = (await InProcessCli.RunAsync("review", "list", "--status", "pending", "--json", "--url", url, "--api-key", ExpertKey)).Ok().Json();
            reviewId = list.GetProperty("reviews").EnumerateArray().FirstOrDefault(r => r.GetProperty("subject_id").GetString() == workflowId) is
                { ValueKind: JsonValueKind.Object } review ? review.GetProperty("review_id").GetString() : null;
            return reviewId is not null;
        }, "the expert's review list shows the approval");

        var refused = await InProcessCli.RunAsync("review", "approve", reviewId!, "--url", url, "--api-key", WriterKey);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("rayswarm: 403 ", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);

        var approved = (await InProcessCli.RunAsync("review", "approve", reviewId!, "-m", "ok", "--json", "--url", url, "--api-key", ExpertKey)).Ok().Json();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("alice", approved.GetProperty("decided_by").GetString());
    }
}
