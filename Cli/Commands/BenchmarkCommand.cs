using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary><c>rayswarm benchmark [--target publish|health|…] [--duration S] [--concurrency N]</c>: drives one gateway
/// route for a while and prints requests per second and the p50/p99 latency.</summary>
internal static class BenchmarkCommand
{
    public static Command Create(CliIo io)
    {
        var target = new Option<string>("--target") { Description = "What to call.", DefaultValueFactory = _ => "publish" };
        target.AcceptOnlyFromAmong([.. BenchmarkTarget.All.Keys]);
        var duration = new Option<double>("--duration") { Description = "Seconds to run.", DefaultValueFactory = _ => 10 }.InRange(0.1, 3600);
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight at once.", DefaultValueFactory = _ => 8 }.InRange(1, 1024);
        var command = new Command("benchmark", "Drive the gateway for a while and print req/s and p50/p99 latency.") { target, duration, concurrency };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loops = parse.GetValue(concurrency);
            using var session = CliSession.Open(parse, io, maxConnections: loops);
            var what = BenchmarkTarget.All[parse.GetValue(target)!];
            // One call first: an unreachable gateway or a refused key is one clear line, not a run of failures.
            await session.Gateway.SendAsync(what.Method, what.Path(0), what.Body(0), cancellationToken);
            var result = await new LoadRun(session.Gateway, what, loops, TimeSpan.FromSeconds(parse.GetValue(duration))).RunAsync(cancellationToken);
            if (session.Json)
            {
                session.WriteJsonLine(result);
            }
            else
            {
                var table = new Table().AddColumns("benchmark", "result");
                table.AddRow("target", $"{what.Name} ({what.Method} {Markup.Escape(what.Path(0))})");
                table.AddRow("duration", $"{result.DurationS.ToString("0.0", CultureInfo.InvariantCulture)} s at concurrency {Number(result.Concurrency)}");
                table.AddRow("requests", $"{Number(result.Requests)} ok · {Number(result.Errors)} errors · {Number(result.Failed)} unanswered");
                table.AddRow("req/s", result.OpsPerSec.ToString("0.0", CultureInfo.InvariantCulture));
                table.AddRow("latency", $"p50 {Micros(result.P50Us)} · p99 {Micros(result.P99Us)} · max {Micros(result.MaxUs)}");
                session.Console.Write(table);
            }
            if (result.Requests == 0)
            {
                await session.Io.Error.WriteLineAsync($"rayswarm: no call to {what.Name} succeeded ({result.Errors} errors, {result.Failed} without an answer)");
                return RayswarmCli.Failure;
            }
            return RayswarmCli.Ok;
        });
        return command;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Micros(long us) => us >= 10_000
        ? (us / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " ms"
        : us.ToString(CultureInfo.InvariantCulture) + " µs";
}
