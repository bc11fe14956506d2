namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class StatusCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Status_shows_health_and_the_overview_figures_including_new_events()
    {
        var before = (await gateway.Http.GetOkAsync("/domains/events/stats")).GetProperty("total_published").GetInt64();
        for (var i = 0; i < 3; i++)
        {
            await gateway.Http.PostOkAsync("/domains/events/publish", new { event_type = "cli.status", source_domain = "cli_tests" });
        }

        var json = (await gateway.RunAsync("status", "--json")).Ok().Json();
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("overview").GetProperty("events").GetProperty("total_published").GetInt64() >= before + 3);
        Assert.Contains(json.GetProperty("overview").GetProperty("hosted_domains").EnumerateArray(), d => d.GetString() == "memory");

        var screen = (await gateway.RunAsync("status")).Ok().Output;
        Assert.Contains("healthy", screen, StringComparison.Ordinal);
        Assert.Matches(@"\d+ published", screen);
        Assert.Contains("contributions", screen, StringComparison.Ordinal);
        Assert.Contains("workflows", screen, StringComparison.Ordinal);
    }
}
