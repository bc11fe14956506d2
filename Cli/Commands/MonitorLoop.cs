using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rayswarm.Cli;

/// <summary>The monitor's refresh loop: reads a <see cref="MonitorSnapshot"/> and draws it (live, once, or as JSON lines).</summary>
internal sealed class MonitorLoop(CliSession session, TimeSpan interval, bool once)
{
    private int _refreshes;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var first = await ReadAsync(cancellationToken);
        if (session.Json)
        {
            for (var snapshot = first; ; snapshot = await ReadAsync(cancellationToken))
            {
                session.WriteJsonLine(snapshot.ToJson());
                await session.Io.Output.FlushAsync(cancellationToken);
                if (once) { return; }
                await Task.Delay(interval, cancellationToken);
            }
        }
        if (once || !session.Console.Profile.Capabilities.Interactive)
        {
            // Not a terminal (a pipe, a log): one whole drawing per refresh, one after the other, instead of redrawing in place.
            for (var snapshot = first; ; snapshot = await ReadAsync(cancellationToken))
            {
                session.Console.Write(Draw(snapshot));
                if (once) { return; }
                await Task.Delay(interval, cancellationToken);
            }
        }
        await session.Console.Live(Draw(first)).AutoClear(false).StartAsync(async live =>
        {
            while (true)
            {
                await Task.Delay(interval, cancellationToken);
                live.UpdateTarget(Draw(await ReadAsync(cancellationToken)));
                live.Refresh();
            }
        });
    }

    private async Task<MonitorSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var overview = session.Gateway.GetAsync("/domains/system/overview", cancellationToken);
        var rates = session.Gateway.GetAsync("/domains/events/rates", cancellationToken);
        _refreshes++;
        return new MonitorSnapshot(DateTimeOffset.UtcNow, _refreshes, await overview, await rates);
    }

    private IRenderable Draw(MonitorSnapshot snapshot) => new Rows(
        new Markup($"[bold]rayswarm monitor[/] · {Markup.Escape(session.Gateway.BaseAddress.ToString())} · "
            + $"{snapshot.At:HH:mm:ss} · refresh {snapshot.Refresh} · Ctrl-C to stop"),
        new Markup($"events: [bold]{snapshot.EventsPublished}[/] published · [bold]{OverviewView.Rate(snapshot.EventsPerSecond)}[/]/s"),
        OverviewView.Summary(snapshot.Overview, snapshot.Rates),
        OverviewView.EventRates(snapshot.Rates),
        OverviewView.ActiveWorkflows(snapshot.Overview),
        OverviewView.Domains(snapshot.Overview));
}
