namespace Rayswarm.Cli.Tests;

/// <summary><c>workflow execute --wait</c> in a real terminal: the progress bars, one per step and one for the workflow.</summary>
[Collection(CliGateway.Name)]
public sealed class WorkflowProgressTmuxTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Execute_wait_in_a_terminal_draws_a_progress_bar_per_step_and_leaves_them_full_when_completed()
    {
        var tag = WorkflowFiles.Tag();
        var id = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding("bars_" + tag, tag), "--json")).Ok().Json()
            .GetProperty("workflow_id").GetString()!;

        await using var tmux = await TmuxSession.StartAsync(
            new Dictionary<string, string> { ["RAYSWARM_URL"] = gateway.Gateway.BaseAddress.ToString() },
            "dotnet", CliProcess.ToolDll(), "workflow", "execute", id, "--wait");
        int? exitCode = null;
        await Eventually.True(async () => (exitCode = await tmux.ExitCodeAsync()) is not null, "execute --wait ends", 60_000);

        Assert.Equal(0, exitCode);
        var screen = await tmux.CaptureAsync();
        Assert.Matches($@"bars_{tag} · completed\s.*100%", screen);
        foreach (var step in new[] { "step_1 memory.contribute", "step_2 memory.search", "step_3 events.publish" })
        {
            Assert.Matches($@"{step} · completed\s.*100%", screen);
        }
    }
}
