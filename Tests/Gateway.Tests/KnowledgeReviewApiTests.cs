using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>Reviews of knowledge over real HTTP (issue 14): a contribution of the reviewed domain code waits for its expert,
/// who accepts, corrects or rejects it as a named principal; the feedback is counted.</summary>
public sealed class KnowledgeReviewApiTests(ExpertGatewayFixture fixture) : IClassFixture<ExpertGatewayFixture>
{
    private async Task<(string Id, string ReviewId)> ContributeAsync(string tip)
    {
        var contribution = await fixture.Carol.PostOkAsync("/domains/memory/contribute", new { domain_id = "code", contribution_type = "pattern", content = new { tip } });
        Assert.Equal("pending", contribution.GetProperty("review_status").GetString());
        Assert.Equal("carol", contribution.GetProperty("contributed_by").GetString());
        var id = contribution.GetProperty("contribution_id").GetString()!;
        return (id, "rev_" + id);
    }

    private async Task<JsonElement[]> EventsAsync(string type) =>
        [.. (await fixture.Alice.GetOkAsync($"/domains/events/history?event_type={type}")).GetProperty("events").EnumerateArray()];

    [Fact]
    public async Task The_expert_accepts_corrects_and_rejects_contributions_and_the_feedback_is_counted()
    {
        var accepted = await ContributeAsync("quoll pooling");
        var corrected = await ContributeAsync("quoll caching with 8 entries");
        var rejected = await ContributeAsync("quoll retries forever");

        var pending = await fixture.Alice.GetOkAsync("/domains/reviews?domain=code&status=pending&limit=500");
        var review = pending.GetProperty("reviews").EnumerateArray().Single(r => r.GetProperty("review_id").GetString() == accepted.ReviewId);
        Assert.Equal("contribution", review.GetProperty("kind").GetString());
        Assert.Equal(accepted.Id, review.GetProperty("subject_id").GetString());
        Assert.Equal(accepted.Id, review.GetProperty("context").GetProperty("contribution_id").GetString());
        Assert.Equal("quoll pooling", review.GetProperty("context").GetProperty("content").GetProperty("tip").GetString());

        // Only code's expert decides; a decided review is a 409, an unknown one a 404, bad content a 400.
        HttpJson.AssertProblem(await fixture.Bob.PostJsonAsync($"/domains/reviews/{accepted.ReviewId}/approve", "{}"), 403, "expert:code");
        HttpJson.AssertProblem(await fixture.Carol.PostJsonAsync($"/domains/reviews/{corrected.ReviewId}/correct", """{"content": {"tip": "x"}}"""), 403, "expert:code");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync("/domains/reviews/rev_00000000000000000000000000000000/approve", "{}"), 404, "does not exist");
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{corrected.ReviewId}/correct", """{"comment": "no content"}"""), 400, "content is required");

        var approved = await fixture.Alice.PostOkAsync($"/domains/reviews/{accepted.ReviewId}/approve", new { comment = "right" });
        Assert.Equal(("approved", "alice"), (approved.GetProperty("status").GetString(), approved.GetProperty("decided_by").GetString()));
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/reviews/{accepted.ReviewId}/reject", "{}"), 409, "already approved");
        var afterAccept = await fixture.Alice.GetOkAsync($"/domains/memory/query?query=quoll%20pooling");
        var acceptedNow = afterAccept.GetProperty("results").EnumerateArray().Single().GetProperty("contribution");
        Assert.Equal(7.0 / 8, acceptedNow.GetProperty("confidence").GetDouble()); // (1 + 6) / (2 + 6)
        Assert.Equal("approved", acceptedNow.GetProperty("review_status").GetString());

        var correction = await fixture.Alice.PostOkAsync($"/domains/reviews/{corrected.ReviewId}/correct",
            new { comment = "16 entries", content = new { tip = "quoll caching with 16 entries" } });
        Assert.Equal("corrected", correction.GetProperty("status").GetString());
        var newId = correction.GetProperty("result_id").GetString()!;
        Assert.Equal("quoll caching with 16 entries", correction.GetProperty("correction").GetProperty("tip").GetString());
        var found = await fixture.Alice.GetOkAsync("/domains/memory/query?query=quoll%20caching");
        Assert.Equal([newId], found.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("contribution").GetProperty("contribution_id").GetString()));
        var newVersion = found.GetProperty("results")[0].GetProperty("contribution");
        Assert.Equal((corrected.Id, "alice"), (newVersion.GetProperty("supersedes").GetString(), newVersion.GetProperty("contributed_by").GetString()));

        await fixture.Alice.PostOkAsync($"/domains/reviews/{rejected.ReviewId}/reject", new { comment = "loops forever" });
        HttpJson.AssertProblem(await fixture.Alice.PostJsonAsync($"/domains/memory/verify/{rejected.Id}", """{"domain_id": "docs"}"""), 404, "does not exist");
        var retracted = (await EventsAsync("memory.retracted")).Single(e => e.GetProperty("data").GetProperty("contribution_id").GetString() == rejected.Id);
        Assert.Equal("loops forever", retracted.GetProperty("data").GetProperty("reason").GetString());

        var announced = (await EventsAsync("review.corrected")).Single().GetProperty("data");
        Assert.Equal((corrected.ReviewId, newId, "alice"), (announced.GetProperty("review_id").GetString(),
            announced.GetProperty("new_contribution_id").GetString(), announced.GetProperty("decided_by").GetString()));
        Assert.Single(await EventsAsync("review.accepted"));
        Assert.Single(await EventsAsync("review.rejected"));
        Assert.Equal(3, (await EventsAsync("review.requested")).Length);

        var stats = await fixture.Bob.GetOkAsync("/domains/reviews/stats?domain=code");
        Assert.Equal((1, 1, 1, 3, 0), (stats.GetProperty("accepted").GetInt32(), stats.GetProperty("corrected").GetInt32(),
            stats.GetProperty("rejected").GetInt32(), stats.GetProperty("decided").GetInt32(), stats.GetProperty("pending").GetInt32()));
        Assert.Equal(1.0 / 3, stats.GetProperty("corrected_rate").GetDouble(), 12);
        Assert.True(stats.GetProperty("median_seconds_to_review").GetDouble() >= 0);
        HttpJson.AssertProblem(await fixture.Alice.GetJsonAsync("/domains/reviews/stats?domain=no%20such"), 400, "domain");
    }
}
