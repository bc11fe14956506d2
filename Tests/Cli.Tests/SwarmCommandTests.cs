namespace Rayswarm.Cli.Tests;

/// <summary>The swarm commands against the embedded gateway, as ruv-swarm's CLI is used: <c>init</c>, <c>spawn</c>,
/// <c>list agents</c>, <c>orchestrate --wait</c>, <c>terminate</c>, each swarm under its own name.</summary>
[Collection(CliGateway.Name)]
public sealed class SwarmCommandTests(GatewayFixture gateway)
{
    private static string NewSwarm() => "cli" + WorkflowFiles.Tag()[..8].ToLowerInvariant();

    [Fact]
    public async Task Init_spawn_orchestrate_and_terminate_drive_a_ring_swarm()
    {
        var swarm = NewSwarm();

        var created = (await gateway.RunAsync("init", "--swarm", swarm, "--topology", "ring", "--max-agents", "3", "--json")).Ok().Json();
        Assert.Equal((swarm, "ring", 3), (created.GetProperty("name").GetString(), created.GetProperty("topology").GetString(),
            created.GetProperty("max_agents").GetInt32()));

        var first = (await gateway.RunAsync("spawn", "memory", "--swarm", swarm, "--capabilities", "recall,notes", "--json")).Ok().Json();
        var second = (await gateway.RunAsync("spawn", "memory", "--swarm", swarm, "--json")).Ok().Json();
        var firstId = first.GetProperty("agent_id").GetString()!;
        Assert.Contains("recall", first.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEqual(firstId, second.GetProperty("agent_id").GetString());

        var agents = (await gateway.RunAsync("list", "agents", "--json")).Ok().Json();
        Assert.Contains(firstId, agents.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agent_id").GetString()));

        // A ring is a pipeline: one step per agent, each after the one before, and the CLI follows it to the end.
        var run = (await gateway.RunAsync("orchestrate", "find cached answers", "--swarm", swarm, "--wait", "--json")).Ok().Json();
        Assert.Equal("completed", run.GetProperty("status").GetString());
        var steps = run.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(2, steps.Length);
        Assert.Equal([steps[0].GetProperty("step_id").GetString()], steps[1].GetProperty("depends_on").EnumerateArray().Select(d => d.GetString()));

        var terminated = (await gateway.RunAsync("terminate", firstId, "--json")).Ok().Json();
        Assert.Equal("terminated", terminated.GetProperty("status").GetString());
        var left = (await gateway.RunAsync("list", "agents", "--json")).Ok().Json();
        Assert.Equal("terminated", left.GetProperty("agents").EnumerateArray()
            .Single(a => a.GetProperty("agent_id").GetString() == firstId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_is_one_line_with_a_non_zero_exit()
    {
        var unknownTopology = await gateway.RunAsync("init", "--swarm", NewSwarm(), "--topology", "blob");
        Assert.Equal(2, unknownTopology.ExitCode);

        var noSwarm = await gateway.RunAsync("spawn", "memory", "--swarm", NewSwarm());
        Assert.Equal(1, noSwarm.ExitCode);
        Assert.StartsWith("rayswarm: 404 ", Assert.Single(noSwarm.ErrorLines), StringComparison.Ordinal);
    }
}
