using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class MonitorCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Monitor_once_draws_the_event_count_workflows_and_domains()
    {
        var published = (await gateway.Http.GetOkAsync("/domains/events/stats")).GetProperty("total_published").GetInt64();

        var screen = (await gateway.RunAsync("monitor", "--once")).Ok().Output;

        var match = Regex.Match(screen, @"events: (\d+) published");
        Assert.True(match.Success, screen);
        Assert.True(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= published);
        Assert.Contains("running workflow", screen, StringComparison.Ordinal);
        Assert.Contains("memory", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_json_writes_one_line_per_refresh_and_stops_at_its_duration()
    {
        var result = (await gateway.RunAsync("monitor", "--json", "--interval", "0.2", "--duration", "2")).Ok();

        var lines = result.JsonLines();
        Assert.True(lines.Count >= 2, $"at least two refreshes in 2 s at 0.2 s:\n{result.Output}");
        Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(l => l.GetProperty("refresh").GetInt32()));
        Assert.All(lines, l => Assert.True(l.GetProperty("events_published").GetInt64() > 0));
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, l.GetProperty("rates").ValueKind));
    }

    [Fact]
    public async Task Monitor_off_a_terminal_writes_one_whole_drawing_per_refresh_until_its_duration()
    {
        var screen = (await gateway.RunAsync("monitor", "--interval", "0.2", "--duration", "2")).Ok().Output;

        var refreshes = Regex.Matches(screen, @"rayswarm monitor · .* · refresh (\d+)")
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(refreshes.Count >= 2, screen);
        Assert.Equal(Enumerable.Range(1, refreshes.Count), refreshes);
        Assert.Equal(refreshes.Count, Regex.Matches(screen, @"events: \d+ published").Count);
    }
}
