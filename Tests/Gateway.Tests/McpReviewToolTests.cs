using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The review tools through the SDK's client as named principals: an agent sees what waits for a person, the
/// expert decides from an MCP client, and the audit names the session's principal.</summary>
public sealed class McpReviewToolTests(ExpertGatewayFixture fixture) : IClassFixture<ExpertGatewayFixture>
{
    private Task<McpClient> ConnectAsync(string key, string revision) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(fixture.Gateway.BaseAddress, "/mcp"),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["X-Api-Key"] = key },
            }),
            new McpClientOptions { ClientInfo = new() { Name = "rayswarm-review-tests", Version = "1.0" }, ProtocolVersion = revision });

    private static async Task<string> ErrorOfAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        Assert.True(result.IsError, $"{tool} should fail");
        return Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
    }

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task An_expert_lists_and_approves_a_waiting_step_from_an_MCP_client(string revision)
    {
        await using var alice = await ConnectAsync(ExpertGatewayFixture.AliceKey, revision);
        await using var bob = await ConnectAsync(ExpertGatewayFixture.BobKey, revision);
        var created = await McpToolTests.Structured(alice, "create_workflow", new()
        {
            ["name"] = "ask a human",
            ["steps"] = new object[] { new { type = "approval", domain_id = "code", prompt = "ship it?", timeout = "PT1H" } },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        await McpToolTests.Structured(alice, "execute_workflow", new() { ["workflow_id"] = id, ["wait_seconds"] = 0 });
        string? reviewId = null;
        await Eventually.True(async () =>
        {
            var listed = await McpToolTests.Structured(alice, "list_reviews", new() { ["domain"] = "code" });
            reviewId = listed.GetProperty("reviews").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("subject_id").GetString() == id).GetPropertyOrNull("review_id");
            return reviewId is not null;
        }, "the approval is listed");

        var review = await McpToolTests.Structured(bob, "get_review", new() { ["review_id"] = reviewId });
        Assert.Equal("ship it?", review.GetProperty("prompt").GetString());
        Assert.Contains("may not decide", await ErrorOfAsync(bob, "approve_review", new() { ["review_id"] = reviewId }));
        Assert.Contains("does not exist", await ErrorOfAsync(bob, "reject_review", new() { ["review_id"] = "apr_unknown" }));

        var decided = await McpToolTests.Structured(alice, "approve_review", new() { ["review_id"] = reviewId, ["comment"] = "via MCP" });
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.Equal("alice", decided.GetProperty("decided_by").GetString());
        Assert.Contains("already approved", await ErrorOfAsync(alice, "approve_review", new() { ["review_id"] = reviewId }));

        JsonElement workflow = default;
        await Eventually.True(async () =>
        {
            workflow = await McpToolTests.Structured(alice, "get_workflow", new() { ["workflow_id"] = id });
            return workflow.GetProperty("status").GetString() == "completed";
        }, "the workflow completes");
        var audit = workflow.GetProperty("audit").EnumerateArray().ToArray();
        Assert.Equal("alice", audit[0].GetProperty("actor").GetString());
        Assert.Equal("alice", audit.Single(e => e.GetProperty("type").GetString() == "approved").GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData(McpGateway.Stateful)]
    [InlineData(McpGateway.Stateless)]
    public async Task An_expert_corrects_a_contribution_from_an_MCP_client(string revision)
    {
        await using var alice = await ConnectAsync(ExpertGatewayFixture.AliceKey, revision);
        await using var bob = await ConnectAsync(ExpertGatewayFixture.BobKey, revision);
        var word = $"bilby{revision.Replace("-", "", StringComparison.Ordinal)}";
        var contributed = await McpToolTests.Structured(bob, "contribute_knowledge", new()
        {
            ["domain_id"] = "code", ["contribution_type"] = "tip", ["content"] = new { hint = $"{word} draft" },
        });
        Assert.Equal("pending", contributed.GetProperty("review_status").GetString());
        var reviewId = "rev_" + contributed.GetProperty("contribution_id").GetString();

        Assert.Contains("may not decide", await ErrorOfAsync(bob, "correct_review", new() { ["review_id"] = reviewId, ["content"] = new { hint = "x" } }));
        var decided = await McpToolTests.Structured(alice, "correct_review", new()
        {
            ["review_id"] = reviewId, ["content"] = new { hint = $"{word} corrected" }, ["comment"] = "clearer",
        });

        Assert.Equal(("corrected", "alice"), (decided.GetProperty("status").GetString(), decided.GetProperty("decided_by").GetString()));
        var found = await McpToolTests.Structured(bob, "query_knowledge", new() { ["query"] = word });
        Assert.Equal([decided.GetProperty("result_id").GetString()],
            found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("contribution").GetProperty("contribution_id").GetString()));
        var stats = await McpToolTests.Structured(bob, "review_stats", new() { ["domain"] = "code" });
        Assert.True(stats.GetProperty("corrected").GetInt32() >= 1);
    }
}

/// <summary>Reading optional string properties in assertions.</summary>
internal static class JsonElementExtensions
{
    public static string? GetPropertyOrNull(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
