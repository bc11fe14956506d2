using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Rayswarm.Gateway.Tests;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>mcp-calls</c> (issue 15): MCP <c>tools/call</c> round trips over HTTP against the real embedded gateway (its
/// executable, a child process on a loopback port). Raw HTTP on one keep-alive connection per caller, so the client adds
/// as little as possible: a 2025-11-25 session per caller (initialize once, then calls with <c>Mcp-Session-Id</c>), or
/// with <c>--variant stateless</c> 2026-07-28 requests that carry their own metadata. The tool is the cheap read
/// <c>list_domains</c> (one registry grain call, an empty registry). A warm-up of concurrent calls until the gateway's CPU
/// per call settles (its JIT tiering), then <c>--count</c> (5,000) sequential calls: <c>p50_us</c>/<c>p99_us</c> are their
/// round trips; then <c>callers=N</c> (16) concurrent callers for <c>--duration</c>: <c>ops_per_sec</c>.
/// <c>gateway_cpu_us_per_call</c> is the gateway process's CPU per call of that phase (steadier than rates on a shared box).
/// </summary>
public static class McpCallsScenario
{
    private const string Tool = "list_domains";
    private const string Meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"},\"io.modelcontextprotocol/clientCapabilities\":{}}";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var (stateless, callers) = ParseVariant(args.Variant);
        var sequentialCalls = args.Count ?? 5_000;
        var dataDir = Directory.CreateTempSubdirectory("rayswarm-bench-mcp-").FullName;
        try
        {
            await using var gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", dataDir);
            using var gatewayProcess = FindGatewayProcess();
            var clients = new McpCaller[callers];
            for (var i = 0; i < callers; i++) { clients[i] = await McpCaller.ConnectAsync(gateway.BaseAddress, stateless); }
            try
            {
                ValueTask Call(int caller, long n) => new(clients[caller].CallAsync());

                // Warm-up: windows of 2 s until the gateway's CPU per call of two windows in a row is within 10 %.
                double? last = null;
                var warm = Stopwatch.StartNew();
                while (warm.Elapsed < TimeSpan.FromSeconds(60))
                {
                    var cpu = gatewayProcess.TotalProcessorTime;
                    var (_, window) = await CallLoad.RunAsync(callers, TimeSpan.FromSeconds(2), Call);
                    gatewayProcess.Refresh();
                    var perCall = (gatewayProcess.TotalProcessorTime - cpu).TotalMicroseconds / window.Count;
                    if (warm.Elapsed >= TimeSpan.FromSeconds(10) && last is { } previous && Math.Abs(perCall - previous) / previous < 0.10) { break; }
                    last = perCall;
                }
                await Console.Error.WriteLineAsync($"warmed up in {warm.Elapsed.TotalSeconds:F0} s ({last:F0} us gateway CPU per call)");

                // Sequential round trips, one caller.
                var sequential = new LatencyHistogram();
                gatewayProcess.Refresh();
                var seqCpu = gatewayProcess.TotalProcessorTime;
                var seqClock = Stopwatch.StartNew();
                for (var i = 0; i < sequentialCalls; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await clients[0].CallAsync();
                    sequential.Record(Stopwatch.GetTimestamp() - t0);
                }
                var seqRate = sequentialCalls / seqClock.Elapsed.TotalSeconds;
                gatewayProcess.Refresh();
                var seqCpuPerCall = (gatewayProcess.TotalProcessorTime - seqCpu).TotalMicroseconds / sequentialCalls;
                await Console.Error.WriteLineAsync(
                    $"sequential: {seqRate:N0} calls/s, p50 {sequential.PercentileUs(50):F0} us, p99 {sequential.PercentileUs(99):F0} us, {seqCpuPerCall:F0} us gateway CPU per call");

                // Concurrent callers.
                var cpuBefore = gatewayProcess.TotalProcessorTime;
                var client = CpuMeter.Start();
                var (ops, concurrent) = await CallLoad.RunAsync(callers, args.Duration, Call);
                var clientCpuPerCall = client.MicrosecondsPer(concurrent.Count);
                gatewayProcess.Refresh();
                var cpuPerCall = (gatewayProcess.TotalProcessorTime - cpuBefore).TotalMicroseconds / concurrent.Count;
                await Console.Error.WriteLineAsync(
                    $"{callers} callers: {ops:N0} calls/s, p50 {concurrent.PercentileUs(50):F0} us, p99 {concurrent.PercentileUs(99):F0} us, {cpuPerCall:F0} us gateway CPU per call");

                return new BenchmarkResult("mcp-calls", ops, sequential.PercentileUs(50), sequential.PercentileUs(99))
                    .With("variant", (stateless ? "stateless" : "stateful") + $",callers={callers}")
                    .With("tool", Tool)
                    .With("seq_calls", sequentialCalls)
                    .With("seq_calls_per_sec", Math.Round(seqRate))
                    .With("seq_gateway_cpu_us_per_call", Math.Round(seqCpuPerCall, 1))
                    .With("callers", callers)
                    .With("concurrent_p50_us", Math.Round(concurrent.PercentileUs(50), 1))
                    .With("concurrent_p99_us", Math.Round(concurrent.PercentileUs(99), 1))
                    .With("gateway_cpu_us_per_call", Math.Round(cpuPerCall, 1))
                    .With("client_cpu_us_per_call", Math.Round(clientCpuPerCall, 1))
                    .With("failures", clients.Sum(c => c.Failures));
            }
            finally
            {
                foreach (var c in clients.Where(c => c is not null)) { c.Dispose(); }
            }
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static (bool Stateless, int Callers) ParseVariant(string? variant)
    {
        var (stateless, callers) = (false, 16);
        foreach (var part in (variant ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part is "stateless" or "stateful") { stateless = part == "stateless"; }
            else if (part.StartsWith("callers=", StringComparison.Ordinal) && int.TryParse(part["callers=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                callers = n;
            }
            else { throw new ArgumentException($"mcp-calls: --variant is a comma list of stateful|stateless and callers=N, not '{variant}'."); }
        }
        return (stateless, callers);
    }

    /// <summary>The gateway child process (GatewayProcess keeps its handle to itself): its CPU time is measured.</summary>
    private static Process FindGatewayProcess()
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == self && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("Rayswarm.Gateway.dll", StringComparison.Ordinal))
                {
                    return Process.GetProcessById(int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        throw new InvalidOperationException("The gateway child process was not found in /proc.");
    }

    /// <summary>One MCP client on its own connection: a session (2025-11-25) or stateless requests (2026-07-28).</summary>
    private sealed class McpCaller : IDisposable
    {
        private readonly HttpClient _http;
        private readonly bool _stateless;
        private readonly string? _session;
        private long _id;

        private McpCaller(HttpClient http, bool stateless, string? session) => (_http, _stateless, _session) = (http, stateless, session);

        public static async Task<McpCaller> ConnectAsync(Uri gateway, bool stateless)
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseCookies = false }) { BaseAddress = gateway };
            if (stateless) { return new McpCaller(http, stateless: true, session: null); }
            using var init = await http.SendAsync(Post(
                """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"""));
            init.EnsureSuccessStatusCode();
            var session = init.Headers.GetValues("Mcp-Session-Id").Single();
            await init.Content.ReadAsStringAsync();
            using var initialized = await http.SendAsync(Post("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", ("Mcp-Session-Id", session), ("MCP-Protocol-Version", "2025-11-25")));
            if (initialized.StatusCode != HttpStatusCode.Accepted) { throw new InvalidOperationException($"notifications/initialized: {initialized.StatusCode}"); }
            return new McpCaller(http, stateless: false, session);
        }

        /// <summary>Calls that did not answer 200 with a structured, successful result (a caller is used by one loop at a time).</summary>
        public long Failures { get; private set; }

        public async Task CallAsync()
        {
            var id = ++_id;
            using var request = _stateless
                ? Post($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/call\",\"params\":{{\"name\":\"{Tool}\",\"arguments\":{{}},{Meta}}}}}",
                    ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", Tool))
                : Post($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/call\",\"params\":{{\"name\":\"{Tool}\",\"arguments\":{{}}}}}}",
                    ("Mcp-Session-Id", _session!), ("MCP-Protocol-Version", "2025-11-25"));
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains("\"structuredContent\"", StringComparison.Ordinal)
                || body.Contains("\"isError\":true", StringComparison.Ordinal))
            {
                Failures++;
            }
        }

        private static HttpRequestMessage Post(string json, params (string Name, string Value)[] headers)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            foreach (var (name, value) in headers) { request.Headers.TryAddWithoutValidation(name, value); }
            return request;
        }

        public void Dispose() => _http.Dispose();
    }
}
