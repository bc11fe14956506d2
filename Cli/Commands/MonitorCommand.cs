using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm monitor</c>: a live view that redraws every <c>--interval</c> seconds (event rate, workflows,
/// domains) until Ctrl-C, <c>--duration</c> or, with <c>--once</c>, after one drawing. With <c>--json</c>, one JSON line
/// per refresh.</summary>
internal static class MonitorCommand
{
    public static Command Create(CliIo io)
    {
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes.", DefaultValueFactory = _ => 1.0 }.InRange(0.1, 3600);
        var duration = new Option<double>("--duration") { Description = "Stop after this many seconds (default: until Ctrl-C)." }.InRange(0.1, 86400);
        var once = new Option<bool>("--once") { Description = "Draw once and exit." };
        var command = new Command("monitor", "A live view of the event rate, workflows and domains, refreshed until Ctrl-C.") { interval, duration, once };
        return command.WithSession(io, async (parse, session, cancellationToken) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(duration) is > 0 and var seconds) { stop.CancelAfter(TimeSpan.FromSeconds(seconds)); }
            var monitor = new MonitorLoop(session, TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(once));
            try
            {
                await monitor.RunAsync(stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ctrl-C or the end of --duration: a normal end of watching.
            }
            return RayswarmCli.Ok;
        });
    }
}
