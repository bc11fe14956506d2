namespace Rayswarm.Cli;

/// <summary>The figures of a benchmark run, in the project's benchmark contract (scenario, ops_per_sec, p50_us, p99_us).</summary>
/// <param name="Scenario">Always cli-benchmark.</param>
/// <param name="Target">What was called (publish, health, …).</param>
/// <param name="Gateway">Which gateway.</param>
/// <param name="DurationS">How long the calls ran, in seconds.</param>
/// <param name="Concurrency">Calls in flight at once.</param>
/// <param name="Requests">Calls answered with a 2xx (the ones timed).</param>
/// <param name="Errors">Calls answered with another status.</param>
/// <param name="Failed">Calls with no answer (connection failures).</param>
/// <param name="OpsPerSec">Answered 2xx calls per second.</param>
/// <param name="P50Us">The median latency of the 2xx calls, in microseconds.</param>
/// <param name="P99Us">Their 99th percentile latency.</param>
/// <param name="MaxUs">Their slowest.</param>
internal sealed record BenchmarkResult(
    string Scenario,
    string Target,
    string Gateway,
    double DurationS,
    int Concurrency,
    long Requests,
    long Errors,
    long Failed,
    double OpsPerSec,
    long P50Us,
    long P99Us,
    long MaxUs);
