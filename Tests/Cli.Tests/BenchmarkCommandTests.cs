namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class BenchmarkCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Benchmark_publish_reports_rate_and_latencies_of_calls_that_really_published()
    {
        var before = await PublishedBenchmarkEventsAsync();

        var result = (await gateway.RunAsync("benchmark", "--target", "publish", "--duration", "2", "--concurrency", "2", "--json")).Ok().Json();

        Assert.Equal("cli-benchmark", result.GetProperty("scenario").GetString());
        Assert.Equal("publish", result.GetProperty("target").GetString());
        var requests = result.GetProperty("requests").GetInt64();
        Assert.True(requests > 0, "some calls were made");
        Assert.Equal(0, result.GetProperty("errors").GetInt64());
        Assert.True(result.GetProperty("ops_per_sec").GetDouble() > 0);
        var p50 = result.GetProperty("p50_us").GetInt64();
        var p99 = result.GetProperty("p99_us").GetInt64();
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= result.GetProperty("max_us").GetInt64(), $"p50 {p50} ≤ p99 {p99} ≤ max");
        Assert.InRange(result.GetProperty("duration_s").GetDouble(), 1.9, 30);
        // Every timed call stored an event (plus the one reachability call before the run).
        Assert.True(await PublishedBenchmarkEventsAsync() - before >= requests + 1);
    }

    [Fact]
    public async Task Benchmark_prints_a_table_with_req_per_second_and_percentiles()
    {
        var output = (await gateway.RunAsync("benchmark", "--target", "health", "--duration", "1", "--concurrency", "1")).Ok().Output;

        Assert.Matches(@"req/s\s*│\s*\d+\.\d", output);
        Assert.Matches(@"p50 \d+(\.\d)? (µs|ms) · p99 \d+(\.\d)? (µs|ms)", output);
    }

    private async Task<long> PublishedBenchmarkEventsAsync()
    {
        var history = await gateway.Http.GetOkAsync("/domains/events/rates");
        return history.GetProperty("types").EnumerateArray()
            .Where(t => t.GetProperty("event_type").GetString() == "cli.benchmark")
            .Sum(t => t.GetProperty("total").GetInt64());
    }
}
