using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Rayswarm.Gateway.Tests;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>mcp-calls</c> (issue 15): MCP <c>tools/call</c> round trips over HTTP against the real embedded gateway (its
/// executable, a child process on a loopback port). Raw HTTP on one keep-alive connection per caller, so the client adds
/// as little as possible: a 2025-11-25 session per caller (initialize once, then calls with <c>Mcp-Session-Id</c>), or
/// with <c>--variant stateless</c> 2026-07-28 requests that carry their own metadata. The tool is the cheap read
/// <c>list_domains</c> (one registry grain call, an empty registry). A warm-up of concurrent calls (at least 20 s) until
/// the gateway's CPU per call settles (its JIT tiering), then <c>--count</c> (5,000) sequential calls: <c>p50_us</c>/<c>p99_us</c> are their
/// round trips; then <c>callers=N</c> (16) concurrent callers for <c>--duration</c>: <c>ops_per_sec</c>.
/// <c>gateway_cpu_us_per_call</c> is the gateway process's CPU per call of that phase (steadier than rates on a shared box).
/// <para>
/// <c>--variant baseline=PATH</c> (a Rayswarm.Gateway.dll built elsewhere, e.g. from main) runs a second gateway beside
/// this one and measures both in alternation, sequential calls taking turns call by call and concurrent load in 1 s
/// slices, so both see the same machine; the baseline's figures come as <c>baseline_*</c> and the ratios this ÷ baseline.
/// </para>
/// </summary>
public static partial class McpCallsScenario
{
    private const string Tool = "list_domains";
    private const string Meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"},\"io.modelcontextprotocol/clientCapabilities\":{}}";

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var (stateless, callers, baselineDll) = ParseVariant(args.Variant);
        var sequentialCalls = args.Count ?? 5_000;
        await using var subject = await Gateway.StartAsync(GatewayProcess.GatewayDll(), stateless, callers);
        await using var baseline = baselineDll is null ? null : await Gateway.StartAsync(baselineDll, stateless, callers);
        Gateway[] sides = baseline is null ? [subject] : [subject, baseline];

        // Warm-up: windows of 2 s per gateway, at least 20 s of load each (JIT tiering took 15-20 s on the busy box), until
        // each one's CPU per call of two windows in a row is within 10 %.
        var warm = Stopwatch.StartNew();
        for (var windows = 1; warm.Elapsed < TimeSpan.FromSeconds(120); windows++)
        {
            foreach (var side in sides) { await side.LoadAsync(TimeSpan.FromSeconds(2)); }
            if (windows >= 10 && sides.All(s => s.Settled)) { break; }
        }
        await Console.Error.WriteLineAsync($"warmed up in {warm.Elapsed.TotalSeconds:F0} s");

        // Sequential round trips, one caller per gateway, taking turns call by call.
        foreach (var side in sides) { side.StartSequential(); }
        for (var i = 0; i < sequentialCalls; i++)
        {
            foreach (var side in i % 2 == 0 ? sides : Enumerable.Reverse(sides)) { await side.SequentialCallAsync(); }
        }
        foreach (var side in sides) { side.EndSequential(); }

        // Concurrent callers, in alternating 1 s slices.
        var slices = Math.Max(1, (int)Math.Round(args.Duration.TotalSeconds));
        for (var slice = 0; slice < slices; slice++)
        {
            foreach (var side in slice % 2 == 0 ? sides : Enumerable.Reverse(sides)) { await side.ConcurrentAsync(TimeSpan.FromSeconds(1)); }
        }
        foreach (var side in sides) { await Console.Error.WriteLineAsync(side.Summary()); }

        var result = new BenchmarkResult("mcp-calls", subject.OpsPerSec, subject.SequentialPercentileUs(50), subject.SequentialPercentileUs(99))
            .With("variant", (stateless ? "stateless" : "stateful") + $",callers={callers}" + (baseline is null ? "" : ",baseline"))
            .With("tool", Tool)
            .With("seq_calls", sequentialCalls)
            .With("callers", callers);
        subject.Report(result, "");
        if (baseline is not null)
        {
            baseline.Report(result, "baseline_");
            result.With("baseline_ops_per_sec", Math.Round(baseline.OpsPerSec))
                .With("baseline_p50_us", Math.Round(baseline.SequentialPercentileUs(50), 1))
                .With("baseline_p99_us", Math.Round(baseline.SequentialPercentileUs(99), 1))
                .With("p50_ratio", subject.SequentialPercentileUs(50) / baseline.SequentialPercentileUs(50))
                .With("p99_ratio", subject.SequentialPercentileUs(99) / baseline.SequentialPercentileUs(99))
                .With("seq_paired_median_diff_us", Math.Round(PairedMedianDifferenceUs(subject.SequentialTicks, baseline.SequentialTicks), 1))
                .With("ops_ratio", subject.OpsPerSec / baseline.OpsPerSec)
                .With("gateway_cpu_ratio", subject.CpuPerConcurrentCall / baseline.CpuPerConcurrentCall);
        }
        return result;
    }

    /// <summary>The median of (this call − the baseline's call next to it): robust to the machine's load changing.</summary>
    private static double PairedMedianDifferenceUs(List<long> subject, List<long> baseline)
    {
        var differences = subject.Zip(baseline, (s, b) => s - b).Order().ToList();
        return differences[differences.Count / 2] * 1e6 / Stopwatch.Frequency;
    }

    private static (bool Stateless, int Callers, string? Baseline) ParseVariant(string? variant)
    {
        var (stateless, callers, baseline) = (false, 16, (string?)null);
        foreach (var part in (variant ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part is "stateless" or "stateful") { stateless = part == "stateless"; }
            else if (part.StartsWith("callers=", StringComparison.Ordinal) && int.TryParse(part["callers=".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                callers = n;
            }
            else if (part.StartsWith("baseline=", StringComparison.Ordinal) && File.Exists(part["baseline=".Length..])) { baseline = part["baseline=".Length..]; }
            else { throw new ArgumentException($"mcp-calls: --variant is a comma list of stateful|stateless, callers=N and baseline=PATH-TO-Rayswarm.Gateway.dll, not '{variant}'."); }
        }
        return (stateless, callers, baseline);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>One gateway executable (embedded mode, its own data folder) with its MCP callers and figures.</summary>
    private sealed class Gateway : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _dataDir;
        private readonly string _dll;
        private McpCaller[] _callers = [];
        private double? _lastWarmCpu;
        private long _concurrentCalls;
        private TimeSpan _concurrentTime;
        private TimeSpan _concurrentCpu;
        private long _sequentialCalls;
        private TimeSpan _sequentialCpu;
        private readonly LatencyHistogram _concurrent = new();

        private Gateway(Process process, string dataDir, string dll) => (_process, _dataDir, _dll) = (process, dataDir, dll);

        public bool Settled { get; private set; }

        public double OpsPerSec => _concurrentCalls / _concurrentTime.TotalSeconds;

        public double CpuPerConcurrentCall => _concurrentCpu.TotalMicroseconds / _concurrentCalls;

        public static async Task<Gateway> StartAsync(string dll, bool stateless, int callers)
        {
            var dataDir = Directory.CreateTempSubdirectory("rayswarm-bench-mcp-").FullName;
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { dll, "--urls", "http://127.0.0.1:0", "--data-dir", dataDir }) { info.ArgumentList.Add(a); }
            info.Environment["DOTNET_ENVIRONMENT"] = "Production";
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && ListeningLine().Match(line) is { Success: true } m) { listening.TrySetResult(new Uri(m.Groups[1].Value)); }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var gateway = new Gateway(process, dataDir, dll);
            var started = await Task.WhenAny(listening.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(90));
            if (started != listening.Task)
            {
                await gateway.DisposeAsync();
                throw new InvalidOperationException($"{dll} exited before it listened.");
            }
            var address = await listening.Task;
            gateway._callers = new McpCaller[callers];
            for (var i = 0; i < callers; i++) { gateway._callers[i] = await McpCaller.ConnectAsync(address, stateless); }
            return gateway;
        }

        private TimeSpan Cpu()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        public async Task LoadAsync(TimeSpan duration)
        {
            var cpu = Cpu();
            var (_, window) = await CallLoad.RunAsync(_callers.Length, duration, (c, _) => new ValueTask(_callers[c].CallAsync()));
            var perCall = (Cpu() - cpu).TotalMicroseconds / window.Count;
            Settled = _lastWarmCpu is { } last && Math.Abs(perCall - last) / last < 0.10;
            _lastWarmCpu = perCall;
        }

        public void StartSequential() => _sequentialCpu = -Cpu();

        /// <summary>Each sequential round trip in order (paired with the baseline's call by call).</summary>
        public List<long> SequentialTicks { get; } = [];

        /// <summary>The exact percentile (nearest rank) of the sequential round trips, in µs: a few thousand samples are
        /// kept anyway, and the histogram's 6 % buckets would put the same step into a ratio of two percentiles.</summary>
        public double SequentialPercentileUs(double p)
        {
            if (SequentialTicks.Count == 0) { return 0; }
            var sorted = SequentialTicks.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)] * 1e6 / Stopwatch.Frequency;
        }

        public async Task SequentialCallAsync()
        {
            var t0 = Stopwatch.GetTimestamp();
            await _callers[0].CallAsync();
            var ticks = Stopwatch.GetTimestamp() - t0;
            SequentialTicks.Add(ticks);
            _sequentialCalls++;
        }

        /// <summary>The process's CPU over the whole phase, so with a baseline it includes the time the other one was called.</summary>
        public void EndSequential() => _sequentialCpu += Cpu();

        public async Task ConcurrentAsync(TimeSpan duration)
        {
            var cpu = Cpu();
            var clock = Stopwatch.StartNew();
            var (_, latency) = await CallLoad.RunAsync(_callers.Length, duration, (c, _) => new ValueTask(_callers[c].CallAsync()));
            _concurrentTime += clock.Elapsed;
            _concurrentCpu += Cpu() - cpu;
            _concurrentCalls += latency.Count;
            _concurrent.Add(latency);
        }

        public void Report(BenchmarkResult result, string prefix) => result
            .With(prefix + "seq_mean_us", Math.Round(SequentialTicks.Average() * 1e6 / Stopwatch.Frequency, 1))
            .With(prefix + "seq_gateway_cpu_us_per_call", Math.Round(_sequentialCpu.TotalMicroseconds / _sequentialCalls, 1))
            .With(prefix + "concurrent_p50_us", Math.Round(_concurrent.PercentileUs(50), 1))
            .With(prefix + "concurrent_p99_us", Math.Round(_concurrent.PercentileUs(99), 1))
            .With(prefix + "gateway_cpu_us_per_call", Math.Round(CpuPerConcurrentCall, 1))
            .With(prefix + "failures", _callers.Sum(c => c.Failures));

        public string Summary() =>
            $"{_dll}: sequential p50 {SequentialPercentileUs(50):F0} us, p99 {SequentialPercentileUs(99):F0} us; "
            + $"{_callers.Length} callers {OpsPerSec:N0} calls/s, {CpuPerConcurrentCall:F0} us gateway CPU per call";

        public async ValueTask DisposeAsync()
        {
            foreach (var caller in _callers) { caller.Dispose(); }
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    /// <summary>One MCP client on its own connection: a session (2025-11-25) or stateless requests (2026-07-28).</summary>
    private sealed class McpCaller : IDisposable
    {
        private readonly HttpClient _http;
        private readonly bool _stateless;
        private readonly string? _session;
        private long _id;

        private McpCaller(HttpClient http, bool stateless, string? session) => (_http, _stateless, _session) = (http, stateless, session);

        /// <summary>Calls that did not answer 200 with a structured, successful result (a caller is used by one loop at a time).</summary>
        public long Failures { get; private set; }

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
