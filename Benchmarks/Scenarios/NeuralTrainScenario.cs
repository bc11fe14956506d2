using System.Diagnostics;
using System.Text.Json;
using Rayswarm.Domains.Neural;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>neural-train</c>: the neural module in the product's embedded silo. One caller runs the worker's <c>train</c> action
/// again and again for <c>--duration</c> on a data set of <c>--count</c> (10,000) rows given inline as JSON: two Gaussian
/// classes in 10 dimensions whose centers are 2 standard deviations apart (so the best accuracy is about 0.84, not 1),
/// seeded; <c>--variant regression</c> instead y = Σ i·x_i + 5 + N(0, 1) (RMSE about 1 at best). Latency is the whole call
/// (JSON parsing, the held-out split, ML.NET training, scoring the 20 % held out, the state write); <c>train_ms</c> is
/// training and scoring alone as the model reports it. Accuracy/RMSE are on the held-out rows.
/// </summary>
public static class NeuralTrainScenario
{
    private const int Features = 10;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var rows = args.Count ?? 10_000;
        var regression = args.Variant == "regression";
        await using var silo = await BenchSilo.StartAsync(services: s => s.AddDomainModule(new NeuralModule()));
        var worker = silo.Grains.GetGrain<IDomainWorkerGrain>(GrainId.Create("neural-domain", NeuralDomainGrain.DomainId));
        var input = DataSet(rows, regression);

        var first = await worker.Execute("train", input); // warm-up: JIT and ML.NET's first use
        await Console.Error.WriteLineAsync($"first train: {first.GetProperty("train_ms").GetInt64()} ms");

        var histogram = new LatencyHistogram();
        var trainMs = new List<long>();
        JsonElement last = first;
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(args.Duration.TotalSeconds * Stopwatch.Frequency);
        do
        {
            var t0 = Stopwatch.GetTimestamp();
            last = await worker.Execute("train", input);
            histogram.Record(Stopwatch.GetTimestamp() - t0);
            trainMs.Add(last.GetProperty("train_ms").GetInt64());
        }
        while (Stopwatch.GetTimestamp() < deadline);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var heldOut = last.GetProperty("held_out");
        var result = new BenchmarkResult("neural-train", histogram.Count / elapsed, histogram.PercentileUs(50), histogram.PercentileUs(99))
            .With("rows", rows)
            .With("features", Features)
            .With("task", regression ? "regression" : "classification")
            .With("trains", histogram.Count)
            .With("trains_per_sec", histogram.Count / elapsed) // ops_per_sec rounds to whole calls
            .With("train_ms_median", trainMs.Order().ElementAt(trainMs.Count / 2))
            .With("train_rows", last.GetProperty("train_rows").GetInt32())
            .With("test_rows", last.GetProperty("test_rows").GetInt32())
            .With("cpu_ms_per_train", cpu.MicrosecondsPer(histogram.Count) / 1000);
        return regression
            ? result.With("rmse", heldOut.GetProperty("rmse").GetDouble()).With("baseline_rmse", heldOut.GetProperty("baseline_rmse").GetDouble())
            : result.With("accuracy", heldOut.GetProperty("accuracy").GetDouble()).With("baseline_accuracy", heldOut.GetProperty("baseline_accuracy").GetDouble());
    }

    private static JsonElement DataSet(int rows, bool regression)
    {
        var random = new Random(1);
        var features = new double[rows][];
        var labels = new object[rows];
        for (var i = 0; i < rows; i++)
        {
            var positive = i % 2 == 1;
            // Centers at ±(1/√10)·(1, …, 1)·1: 2 standard deviations apart along the diagonal.
            features[i] = [.. Enumerable.Range(0, Features).Select(_ => Normal(random) + (regression ? 0 : (positive ? 1 : -1) / Math.Sqrt(Features)))];
            labels[i] = regression ? features[i].Select((x, j) => (j + 1) * x).Sum() + 5 + Normal(random) : positive ? "positive" : "negative";
        }
        return JsonSerializer.SerializeToElement(new
        {
            data = new { model = "bench", task = regression ? "regression" : "classification", features, labels, test_fraction = 0.2, seed = 1 },
        });
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
