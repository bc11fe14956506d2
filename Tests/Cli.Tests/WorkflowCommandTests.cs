using System.Text.Json;

namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class WorkflowCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Create_execute_wait_show_and_verify_run_a_workflow_to_completion_with_a_valid_audit()
    {
        var tag = WorkflowFiles.Tag();
        var created = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding("finding_" + tag, tag), "--json")).Ok().Json();
        var id = created.GetProperty("workflow_id").GetString()!;
        Assert.Equal("created", created.GetProperty("status").GetString());

        var executed = (await gateway.RunAsync("workflow", "execute", id, "--wait", "--json")).Ok().Json();
        Assert.Equal("completed", executed.GetProperty("status").GetString());
        Assert.All(executed.GetProperty("steps").EnumerateArray(), s => Assert.Equal("completed", s.GetProperty("status").GetString()));

        // The steps really ran: the contribution is in the shared memory and the event on the bus.
        var found = await gateway.Http.GetOkAsync("/domains/memory/query?query=" + tag);
        Assert.Equal("ops_" + tag, Assert.Single(found.GetProperty("results").EnumerateArray()).GetProperty("contribution").GetProperty("domain_id").GetString());
        var events = await gateway.Http.GetOkAsync($"/domains/events/history?event_type=ops.{tag}");
        Assert.Single(events.GetProperty("events").EnumerateArray());

        var shown = (await gateway.RunAsync("workflow", "show", id)).Ok().Output;
        Assert.Contains("step_2 memory.search · completed", shown, StringComparison.Ordinal);
        Assert.Contains("after step_1", shown, StringComparison.Ordinal);
        Assert.Matches(@"step_completed\s*│\s*step_3", shown);

        var verified = await gateway.RunAsync("workflow", "verify", id, "--json");
        verified.Ok();
        Assert.True(verified.Json().GetProperty("valid").GetBoolean());
        Assert.True(verified.Json().GetProperty("entries").GetInt32() > 3);
        var table = (await gateway.RunAsync("workflow", "verify", id)).Ok().Output;
        Assert.Matches(@"hash chain\s*│\s*valid", table);
        Assert.Matches(@"signature\s*│\s*valid", table);
    }

    [Fact]
    public async Task Execute_wait_logs_each_steps_progress_when_not_on_a_terminal_and_exits_0_when_completed()
    {
        var tag = WorkflowFiles.Tag();
        var id = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding("progress_" + tag, tag), "--json")).Ok().Json()
            .GetProperty("workflow_id").GetString()!;

        var result = (await gateway.RunAsync("workflow", "execute", id, "--wait")).Ok();

        foreach (var step in new[] { "step_1 memory.contribute", "step_2 memory.search", "step_3 events.publish" })
        {
            Assert.Matches($@"\d\d:\d\d:\d\d {step} → completed", result.Output);
        }
        Assert.Matches($@"progress_{tag} → completed", result.Output);
        Assert.Contains($"progress_{tag} · completed", result.Output, StringComparison.Ordinal); // the final tree
    }

    [Fact]
    public async Task Execute_wait_of_a_workflow_that_rolls_back_exits_1_and_says_why()
    {
        var tag = WorkflowFiles.Tag();
        var id = (await gateway.RunAsync("workflow", "create", WorkflowFiles.FailingSecondStep("failing_" + tag, tag), "--json")).Ok().Json()
            .GetProperty("workflow_id").GetString()!;

        var result = await gateway.RunAsync("workflow", "execute", id, "--wait", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("rolled_back", result.Json().GetProperty("status").GetString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"rayswarm: workflow {id} ended rolled_back:", line, StringComparison.Ordinal);
        Assert.Contains("nowhere_" + tag, line, StringComparison.Ordinal);
        // A rolled-back workflow's audit is still intact.
        Assert.True((await gateway.RunAsync("workflow", "verify", id, "--json")).Ok().Json().GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Execute_without_wait_returns_at_once_and_the_workflow_runs_on()
    {
        var tag = WorkflowFiles.Tag();
        var id = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding("nowait_" + tag, tag), "--json")).Ok().Json()
            .GetProperty("workflow_id").GetString()!;

        var started = (await gateway.RunAsync("workflow", "execute", id, "--json")).Ok().Json();
        Assert.Contains(started.GetProperty("status").GetString(), new[] { "running", "completed" });

        await Eventually.True(async () =>
            (await gateway.RunAsync("workflow", "show", id, "--json")).Ok().Json().GetProperty("status").GetString() == "completed",
            "the workflow completes after execute returned");
    }

    [Fact]
    public async Task Show_of_an_unknown_workflow_prints_the_gateways_problem_and_exits_1()
    {
        var result = await gateway.RunAsync("workflow", "show", "wf_00000000000000000000000000000000");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("rayswarm: 404 ", line, StringComparison.Ordinal);
        Assert.Contains("wf_00000000000000000000000000000000", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_a_dependency_cycle_prints_the_gateways_detail_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rayswarm-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            name = "cycle",
            steps = new object[]
            {
                new { domain_id = "memory", action = "search", depends_on = new[] { "step_2" } },
                new { domain_id = "memory", action = "search", depends_on = new[] { "step_1" } },
            },
        }));

        var result = await gateway.RunAsync("workflow", "create", path);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("rayswarm: 400 ", line, StringComparison.Ordinal);
        Assert.Contains("cycle", line, StringComparison.Ordinal);
    }
}
