namespace Rayswarm.Cli.Tests;

public sealed class ErrorAndUsageTests
{
    [Fact]
    public async Task An_unreachable_gateway_is_one_line_naming_it_and_exit_1()
    {
        var port = FreePorts.Loopback();

        var result = await InProcessCli.RunAsync("status", "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal($"rayswarm: cannot reach the gateway at http://127.0.0.1:{port}: connection refused", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("no-such-command")]
    [InlineData("benchmark", "--concurrency", "0")]
    [InlineData("monitor", "--interval", "soon")]
    [InlineData("export", "--only", "everything")]
    [InlineData("status", "--url", "ftp://example")]
    [InlineData("events", "publish", "a.b")]
    public async Task Usage_errors_exit_2_before_calling_anything(params string[] args)
    {
        var result = await InProcessCli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rayswarm: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("rayswarm --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_option_that_is_not_json_is_a_usage_error()
    {
        var port = FreePorts.Loopback();

        var result = await InProcessCli.RunAsync("memory", "contribute", "--domain", "d", "--type", "t", "--content", "{not json", "--url", $"http://127.0.0.1:{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rayswarm: --content is not valid JSON", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var result = await InProcessCli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "list", "status", "monitor", "workflow", "export", "import", "benchmark", "events", "memory" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }
}
