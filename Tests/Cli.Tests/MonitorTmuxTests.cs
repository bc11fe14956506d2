using System.Globalization;
using System.Text.RegularExpressions;

namespace Rayswarm.Cli.Tests;

/// <summary>The monitor as a user sees it: the built tool in a real terminal (tmux), redrawing in place.</summary>
[Collection(CliGateway.Name)]
public sealed partial class MonitorTmuxTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Monitor_in_a_terminal_shows_the_event_count_rising_while_events_are_published_and_stops_on_ctrl_c()
    {
        await using var tmux = await TmuxSession.StartAsync(
            new Dictionary<string, string> { ["RAYSWARM_URL"] = gateway.Gateway.BaseAddress.ToString() },
            "dotnet", CliProcess.ToolDll(), "monitor", "--interval", "0.3");
        long? first = null;
        await Eventually.True(async () => (first = Published(await tmux.CaptureAsync())) is not null, "the monitor draws the event count", 60_000);

        var publishedByTest = 0;
        await Eventually.True(async () =>
        {
            await gateway.Http.PostOkAsync("/domains/events/publish", new { event_type = "cli.monitor", source_domain = "cli_tests" });
            publishedByTest++;
            return Published(await tmux.CaptureAsync()) > first;
        }, "the drawn event count rises while events are published", 60_000);
        Assert.True(publishedByTest > 0);
        Assert.Null(await tmux.ExitCodeAsync()); // still running: the number changed in place

        await tmux.SendKeysAsync("C-c");
        int? exitCode = null;
        await Eventually.True(async () => (exitCode = await tmux.ExitCodeAsync()) is not null, "the monitor exits on Ctrl-C", 30_000);
        Assert.Equal(0, exitCode);
    }

    private static long? Published(string screen) =>
        EventsLine().Matches(screen) is { Count: 1 } m ? long.Parse(m[0].Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"events: (\d+) published")]
    private static partial Regex EventsLine();
}
