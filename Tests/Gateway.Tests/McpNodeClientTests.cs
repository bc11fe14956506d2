using System.Diagnostics;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>An MCP client nobody here wrote: the official TypeScript SDK (npm <c>@modelcontextprotocol/sdk</c>, version
/// pinned by McpNodeClient/package-lock.json) lists and calls the tools of a running gateway.</summary>
public sealed class McpNodeClientTests(McpGateway gateway) : IClassFixture<McpGateway>, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("rayswarm-node-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_TypeScript_SDK_client_lists_and_calls_the_tools()
    {
        foreach (var file in new[] { "package.json", "package-lock.json", "client.mjs" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "McpNodeClient", file), Path.Combine(_work, file));
        }
        var install = await RunAsync("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        Assert.True(install.ExitCode == 0, "npm ci failed (test.sh installs nodejs and npm):\n" + install.Output);

        var run = await RunAsync("node", "client.mjs", gateway.Endpoint.ToString(), "node-sdk-domain");

        Assert.True(run.ExitCode == 0, "the node client failed:\n" + run.Output);
        using var result = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("session").GetString()));
        var tools = root.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(McpToolTests.AllTools, tools.Keys.Order(StringComparer.Ordinal));
        Assert.All(tools.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString())));
        Assert.Equal(["domain_id", "capabilities"], tools["register_domain"].GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("node-sdk-domain", root.GetProperty("registered").GetProperty("domain_id").GetString());
        Assert.Equal(9100, root.GetProperty("fetched").GetProperty("port").GetInt32());
        Assert.Equal(["node-sdk-domain"], root.GetProperty("found").GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("domain_id").GetString()));
        Assert.Equal("healthy", root.GetProperty("health").GetProperty("status").GetString());
        Assert.True(root.GetProperty("missing").GetProperty("isError").GetBoolean());
        Assert.Contains("not registered", root.GetProperty("missing").GetProperty("text").GetString(), StringComparison.Ordinal);
        var eventId = root.GetProperty("published").GetProperty("event_id").GetString();
        Assert.Equal([eventId], root.GetProperty("history").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));
        var contributionId = root.GetProperty("contributed").GetProperty("contribution_id").GetString()!;
        Assert.Contains(contributionId, root.GetProperty("queried").GetProperty("results").ToString(), StringComparison.Ordinal);
        var orchestrated = root.GetProperty("orchestrated");
        Assert.Equal("rolled_back", orchestrated.GetProperty("status").GetString());
        Assert.Contains("node-missing-domain", orchestrated.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("overview").GetProperty("events").GetProperty("total_published").GetInt64() >= 1);

        // Every listed tool was called once with valid arguments and answered without a tool error.
        var called = root.GetProperty("called").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(McpToolTests.AllTools, called.Keys.Order(StringComparer.Ordinal));
        Assert.All(called, c => Assert.True(c.Value == "ok", $"{c.Key}: {c.Value}"));
        Assert.Equal("completed", root.GetProperty("executed_status").GetString());

        // swarm_init → spawn_agent ×3 → orchestrate (swarm form) → query_agents, and swarm_monitor's progress notifications.
        var swarm = root.GetProperty("swarm");
        Assert.Equal(("completed", "star"), (swarm.GetProperty("status").GetString(), swarm.GetProperty("topology").GetString()));
        Assert.Equal(["dispatch", "work-1", "work-2", "collect"], swarm.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, swarm.GetProperty("agents").GetArrayLength());
        var progress = swarm.GetProperty("progress").EnumerateArray().ToArray();
        Assert.NotEmpty(progress);
        Assert.Equal((4, 4), (progress[^1].GetProperty("progress").GetInt32(), progress[^1].GetProperty("total").GetInt32()));
    }

    private async Task<(int ExitCode, string Stdout, string Output)> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) { info.ArgumentList.Add(a); }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish in 3 minutes:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stdout + "\n" + await stderr);
    }
}
