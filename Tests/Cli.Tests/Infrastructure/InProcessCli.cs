namespace Rayswarm.Cli.Tests;

/// <summary>Runs rayswarm in the test process: the real command tree and gateway client, output captured as plain text.</summary>
public static class InProcessCli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RayswarmCli.RunAsync(args, CliIo.Captured(output, error)).Within(120_000);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><see cref="RunAsync(string[])"/> against <paramref name="gateway"/> (its URL as <c>--url</c>).</summary>
    public static Task<CliResult> RunAsync(this GatewayFixture gateway, params string[] args) =>
        RunAsync([.. args, "--url", gateway.Gateway.BaseAddress.ToString()]);
}
