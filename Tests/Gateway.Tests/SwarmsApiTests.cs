namespace Rayswarm.Gateway.Tests;

/// <summary>The swarm routes over real HTTP against the embedded gateway: agents of the built-in memory domain, a text task
/// orchestrated over a star, the agents list the CLI prints, and bad input as 4xx problems.</summary>
public sealed class SwarmsApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task A_star_swarm_of_memory_agents_runs_a_text_task_and_lists_its_agents()
    {
        var swarm = await Http.PostOkAsync("/domains/swarms", new { name = "api-star", topology = "star", max_agents = 3 });
        Assert.Equal(("star", 3), (swarm.GetProperty("topology").GetString(), swarm.GetProperty("max_agents").GetInt32()));
        var ids = new List<string>();
        foreach (var type in new[] { "coordinator", "memory", "memory" })
        {
            var agent = await Http.PostOkAsync("/domains/swarms/api-star/agents", new { type, capabilities = new[] { "recall" } });
            Assert.Equal("memory", agent.GetProperty("domain").GetString());
            ids.Add(agent.GetProperty("agent_id").GetString()!);
        }
        Assert.Equal(["api-star.agent-1", "api-star.agent-2", "api-star.agent-3"], ids);

        var run = await Http.PostJsonAsync("/domains/swarms/api-star/orchestrate?wait_seconds=30", """{"task": {"text": "wombat"}}""");

        Assert.Equal(200, run.Status);
        var workflow = run.Body.GetProperty("workflow");
        Assert.Equal("completed", workflow.GetProperty("status").GetString());
        Assert.Equal(["dispatch", "work-1", "work-2", "collect"], workflow.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step_id").GetString()));
        Assert.Equal(["search", "search"], workflow.GetProperty("steps").EnumerateArray().Skip(1).Take(2).Select(s => s.GetProperty("action").GetString()));
        var collected = workflow.GetProperty("steps")[3].GetProperty("output").GetProperty("result");
        Assert.Equal(2, collected.GetProperty("count").GetInt32());

        var agents = await Http.GetOkAsync("/domains/swarms/agents?swarm=api-star");
        Assert.Equal(3, agents.GetProperty("count").GetInt32());
        Assert.All(agents.GetProperty("agents").EnumerateArray(), a => Assert.Equal("idle", a.GetProperty("status").GetString()));
        Assert.Equal([2L, 1L, 1L], agents.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("calls").GetInt64())); // dispatch and collect, then one search each

        var terminated = await Http.PostOkAsync("/domains/swarms/api-star/agents/api-star.agent-3/terminate", new { });
        Assert.Equal("terminated", terminated.GetProperty("status").GetString());
        var gone = await Http.GetOkAsync("/domains/swarms/agents?status=terminated");
        Assert.Contains(gone.GetProperty("agents").EnumerateArray(), a => a.GetProperty("agent_id").GetString() == "api-star.agent-3");
        var listed = await Http.GetOkAsync("/domains/swarms");
        Assert.Contains(listed.GetProperty("swarms").EnumerateArray(), s => s.GetProperty("name").GetString() == "api-star" && s.GetProperty("active_agents").GetInt32() == 2);
        var status = await Http.GetOkAsync("/domains/swarms/api-star");
        Assert.Equal([workflow.GetProperty("workflow_id").GetString()], status.GetProperty("workflows").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Bad_input_is_a_4xx_problem()
    {
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms", """{"name": "api-bad", "topology": "blob"}"""), 400, "topology must be one of");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms", """{"name": "no spaces"}"""), 400, "name must be");
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/swarms/api-nobody"), 404, "does not exist");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-nobody/agents", """{"type": "memory"}"""), 404, "does not exist");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-nobody/orchestrate", """{"task": {"text": "x"}}"""), 404, "does not exist");
        HttpJson.AssertProblem(await Http.GetJsonAsync("/domains/swarms/agents?status=sleepy"), 400, "status must be");

        await Http.PostOkAsync("/domains/swarms", new { name = "api-full", topology = "ring", max_agents = 1 });
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/agents", """{"type": "no-such-domain"}"""), 400, "type must be");
        await Http.PostOkAsync("/domains/swarms/api-full/agents", new { type = "memory" });
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/agents", """{"type": "memory"}"""), 409, "max_agents");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/agents/api-full.agent-7/terminate", "{}"), 404, "no agent");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/orchestrate", """{"task": {}}"""), 400, "task needs text");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/orchestrate", """{"task": {"text": "x"}, "strategy": "fast"}"""), 400, "strategy must be");
        HttpJson.AssertProblem(await Http.PostJsonAsync("/domains/swarms/api-full/orchestrate?wait_seconds=999", """{"task": {"text": "x"}}"""), 400, "wait_seconds");
    }
}
