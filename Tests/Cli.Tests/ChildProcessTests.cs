namespace Rayswarm.Cli.Tests;

/// <summary>The built tool as a user runs it: <c>dotnet rayswarm.dll …</c>, a separate process, configured by environment.</summary>
[Collection(CliGateway.Name)]
public sealed class ChildProcessTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_built_tool_creates_runs_and_verifies_a_workflow_with_the_url_from_the_environment()
    {
        var environment = new Dictionary<string, string> { ["RAYSWARM_URL"] = gateway.Gateway.BaseAddress.ToString() };
        var tag = WorkflowFiles.Tag();

        var created = (await CliProcess.RunAsync(environment, "workflow", "create", WorkflowFiles.RecordFinding("process_" + tag, tag), "--json")).Ok().Json();
        var id = created.GetProperty("workflow_id").GetString()!;
        var executed = (await CliProcess.RunAsync(environment, "workflow", "execute", id, "--wait", "--json")).Ok().Json();
        Assert.Equal("completed", executed.GetProperty("status").GetString());
        var verified = (await CliProcess.RunAsync(environment, "workflow", "verify", id)).Ok();
        Assert.Contains("valid", verified.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT valid", verified.Output, StringComparison.Ordinal);

        var listed = (await CliProcess.RunAsync(environment, "list", "workflows", "--json")).Ok().Json();
        Assert.Contains(listed.GetProperty("workflows").EnumerateArray(),
            w => w.GetProperty("workflow_id").GetString() == id && w.GetProperty("status").GetString() == "completed");
    }

    [Fact]
    public async Task The_built_tool_reports_an_unreachable_gateway_in_one_line_with_exit_1()
    {
        var port = FreePorts.Loopback();

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["RAYSWARM_URL"] = $"http://127.0.0.1:{port}" }, "list", "domains");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal($"rayswarm: cannot reach the gateway at http://127.0.0.1:{port}: connection refused", result.Error.TrimEnd());
    }

    [Fact]
    public async Task The_built_tool_exits_2_on_a_usage_error()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), "workflow", "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rayswarm: ", result.Error, StringComparison.Ordinal);
    }
}
