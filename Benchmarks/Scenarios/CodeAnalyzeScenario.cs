using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Domains.Code;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>code-analyze</c>: <c>code.analyze</c> (the code domain module's worker grain, as a workflow step or MCP tool reaches it)
/// on a generated C# file of <see cref="Lines"/> lines, one call at a time (<c>--count</c> callers, default 1) in an
/// in-process silo, once the module has warmed Roslyn up (as <c>/readyz</c> waits for) and after warm-up calls. Figures: time per call (p50, p99, mean), the file's lines, methods and findings.
/// The findings are contributed as an agent's call would (once per source: later calls find the contribution).
/// </summary>
public static class CodeAnalyzeScenario
{
    private const int Lines = 1_000;
    private const int WarmUpCalls = 5;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var callers = args.Count ?? 1;
        var source = GenerateSource(Lines);
        var input = JsonSerializer.SerializeToElement(new { data = new { source } });
        await using var silo = await BenchSilo.StartAsync(services: s => s.AddDomainModule(new CodeModule()));
        var code = silo.Grains.GetGrain<IDomainWorkerGrain>(GrainId.Create("code-domain", CodeModule.Id));
        // As /readyz: the module has loaded Roslyn (cold, the first analysis takes seconds).
        var checks = silo.Services.GetServices<IReadinessCheck>().ToArray();
        await Eventually.True(() => checks.All(c => c.WhyNotReady() is null), "the silo and the code domain ready", timeoutMs: 120_000);

        JsonElement output = default;
        for (var i = 0; i < WarmUpCalls; i++) { output = await code.Execute(CodeActions.Analyze, input); }
        var totals = output.GetProperty("totals");
        await Console.Error.WriteLineAsync($"{totals.GetProperty("lines").GetInt32()} lines, {totals.GetProperty("methods").GetInt32()} methods, "
            + $"{totals.GetProperty("findings").GetInt32()} findings, {totals.GetProperty("errors").GetInt32()} errors");

        var latency = new LatencyHistogram();
        var calls = 0L;
        var ticks = 0L;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(args.Duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var own = new LatencyHistogram();
            while (Stopwatch.GetTimestamp() < until)
            {
                var t0 = Stopwatch.GetTimestamp();
                await code.Execute(CodeActions.Analyze, input);
                var took = Stopwatch.GetTimestamp() - t0;
                own.Record(took);
                Interlocked.Increment(ref calls);
                Interlocked.Add(ref ticks, took);
            }
            lock (latency) { latency.Add(own); }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var meanMs = calls == 0 ? 0 : ticks * 1000.0 / Stopwatch.Frequency / calls;
        await Console.Error.WriteLineAsync($"code.analyze: {calls} calls in {elapsed:F1} s, mean {meanMs:F1} ms");

        return new BenchmarkResult("code-analyze", calls / elapsed, latency.PercentileUs(50), latency.PercentileUs(99))
            .With("callers", callers)
            .With("calls", calls)
            .With("mean_ms", Math.Round(meanMs, 1))
            .With("lines", totals.GetProperty("lines").GetInt32())
            .With("methods", totals.GetProperty("methods").GetInt32())
            .With("findings", totals.GetProperty("findings").GetInt32());
    }

    /// <summary>A compilable file of exactly <paramref name="lines"/> lines: classes of methods with branches, loops,
    /// switches and try/catch, some of them long or with an empty catch, so every rule has work to do.</summary>
    public static string GenerateSource(int lines)
    {
        var text = new StringBuilder("using System;\nusing System.Collections.Generic;\n\nnamespace Generated;\n\n");
        int Written() => text.ToString().Count(c => c == '\n');
        for (var type = 0; Written() < lines - 60; type++)
        {
            text.Append($"public sealed class Service{type}\n{{\n    private readonly List<int> _items = new();\n\n");
            for (var m = 0; m < 6 && Written() < lines - 40; m++)
            {
                text.Append($$"""
                        public int Compute{{m}}(int value, string label)
                        {
                            var total = 0;
                            for (var i = 0; i < value; i++)
                            {
                                if (i % 3 == 0 && label != null) { total += i; }
                                else if (i % 5 == 0) { total -= i; }
                            }
                            foreach (var item in _items) { total += item > 10 ? item : -item; }
                            switch (value) { case 1: total++; break; case 2: total--; break; default: break; }
                            try { total = checked(total * 2); }
                            catch (OverflowException) { {{(m == 5 ? "" : "total = 0;")}} }
                            while (total > 1000) { total /= 2; }
                            return total + (label?.Length ?? 0);
                        }

                        public void Add{{m}}(int item) => _items.Add(item);

                    """);
            }
            text.Append("}\n\n");
        }
        while (Written() < lines) { text.Append("// padding\n"); }
        return text.ToString();
    }
}
