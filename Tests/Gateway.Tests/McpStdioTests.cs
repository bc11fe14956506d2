using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary><c>--mcp-stdio</c>: the gateway executable as a child process speaking MCP on stdin/stdout.</summary>
public sealed class McpStdioTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-stdio-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task The_SDK_client_lists_and_calls_tools_over_stdio()
    {
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "rayswarm",
            Command = "dotnet",
            Arguments = [GatewayProcess.GatewayDll(), "--mcp-stdio", "--data-dir", _dataDir],
            StandardErrorLines = stderr.Enqueue,
        });
        await using var client = await McpClient.CreateAsync(transport).Within(60_000);

        var tools = await client.ListToolsAsync();
        var registered = await client.CallToolAsync("register_domain", new Dictionary<string, object?> { ["domain_id"] = "stdio-domain", ["capabilities"] = new[] { "cli" }, ["endpoint"] = "http://127.0.0.1:9200" });
        var fetched = await client.CallToolAsync("get_domain", new Dictionary<string, object?> { ["domain_id"] = "stdio-domain" });
        var missing = await client.CallToolAsync("get_domain", new Dictionary<string, object?> { ["domain_id"] = "not-there" });

        Assert.Contains(tools, t => t.Name == "system_health");
        Assert.NotEqual(true, registered.IsError);
        var domain = Assert.IsType<JsonElement>(fetched.StructuredContent);
        Assert.Equal("http://127.0.0.1:9200", domain.GetProperty("endpoint").GetString());
        Assert.True(missing.IsError);
        Assert.Contains(stderr, line => line.Contains("Application started", StringComparison.Ordinal)); // logs go to stderr
    }

    [Fact]
    public async Task Stdout_carries_nothing_but_protocol_and_the_gateway_exits_when_stdin_closes()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { GatewayProcess.GatewayDll(), "--mcp-stdio", "--data-dir", _dataDir }) { info.ArgumentList.Add(a); }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"system_health","arguments":{}}}""");
            await process.StandardInput.FlushAsync();
            await Eventually.True(() => stdout.Count >= 2, "two responses on stdout", 60_000);

            process.StandardInput.Close();
            await process.WaitForExitAsync().Within(60_000);

            Assert.Equal(0, process.ExitCode);
            var ids = new List<int>();
            foreach (var line in stdout)
            {
                using var message = JsonDocument.Parse(line); // anything else on stdout would break a client
                Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
                ids.Add(message.RootElement.GetProperty("id").GetInt32());
            }
            Assert.Equal([1, 2], ids.Order());
            Assert.NotEmpty(stderr);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); }
        }
    }
}
