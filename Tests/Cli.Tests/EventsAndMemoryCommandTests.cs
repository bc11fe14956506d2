namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class EventsAndMemoryCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Events_publish_stores_the_event_and_history_shows_it()
    {
        var type = "cli.e" + WorkflowFiles.Tag();

        var published = (await gateway.RunAsync("events", "publish", type, "--source", "cli_tests", "--data", """{"answer": 42}""", "--json")).Ok().Json();
        Assert.Equal(type, published.GetProperty("event_type").GetString());

        var history = (await gateway.RunAsync("events", "history", "--type", type, "--json")).Ok().Json();
        var stored = Assert.Single(history.GetProperty("events").EnumerateArray());
        Assert.Equal(published.GetProperty("event_id").GetString(), stored.GetProperty("event_id").GetString());
        Assert.Equal(42, stored.GetProperty("data").GetProperty("answer").GetInt32());

        var table = (await gateway.RunAsync("events", "history", "--type", type)).Ok().Output;
        Assert.Contains(type, table, StringComparison.Ordinal);
        Assert.Contains("""{"answer":42}""", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_contribute_then_query_finds_the_contribution()
    {
        var word = "w" + WorkflowFiles.Tag();

        var contributed = (await gateway.RunAsync("memory", "contribute", "--domain", "cli_memory", "--type", "optimization",
            "--content", $$"""{"technique": "{{word}}"}""", "--json")).Ok().Json();
        Assert.Equal(0.5, contributed.GetProperty("confidence").GetDouble());

        var result = (await gateway.RunAsync("memory", "query", word, "--json")).Ok().Json();
        var match = Assert.Single(result.GetProperty("results").EnumerateArray());
        Assert.Equal(contributed.GetProperty("contribution_id").GetString(), match.GetProperty("contribution").GetProperty("contribution_id").GetString());
        Assert.Contains(word, (await gateway.RunAsync("memory", "query", word)).Ok().Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_an_invalid_event_type_prints_the_gateways_400_detail_and_exits_1()
    {
        var result = await gateway.RunAsync("events", "publish", "not a type!", "--source", "cli_tests");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("rayswarm: 400 ", line, StringComparison.Ordinal);
        Assert.Contains("event_type", line, StringComparison.Ordinal);
    }
}
