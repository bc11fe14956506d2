using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rayswarm.Domains.Documents;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>documents-search</c>: the documents module in the product's embedded silo (sections in the shared memory's SQLite
/// FTS5 index). Ingests <c>--count</c> (10,000) sections, 100 per Markdown document (a heading and a ~40-word paragraph
/// each, words drawn from a 5,000-word synthetic vocabulary with Zipf-like frequencies, seeded), through the worker's
/// <c>ingest</c> action from 4 concurrent ingesters; then <c>callers=N</c> (4) concurrent callers run <c>search</c>
/// (limit 10) with one or two mid-frequency words for <c>--duration</c>, after a 5 s warm-up. Latency is per search call.
/// </summary>
public static class DocumentsSearchScenario
{
    private const int SectionsPerDocument = 100;
    private const int Vocabulary = 5000;

    public static async Task<BenchmarkResult> RunAsync(BenchmarkArguments args)
    {
        var sections = args.Count ?? 10_000;
        var callers = args.Variant is { } v && v.StartsWith("callers=", StringComparison.Ordinal)
            ? int.Parse(v["callers=".Length..], CultureInfo.InvariantCulture) : 4;
        await using var silo = await BenchSilo.StartAsync(services: s => s.AddDomainModule(new DocumentsModule()));
        var worker = silo.Grains.GetGrain<IDomainWorkerGrain>(GrainId.Create("documents-domain", DocumentsDomainGrain.DomainId));

        var documents = (sections + SectionsPerDocument - 1) / SectionsPerDocument;
        var ingestStarted = Stopwatch.GetTimestamp();
        var ingested = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, documents), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (d, _) =>
        {
            var count = Math.Min(SectionsPerDocument, sections - d * SectionsPerDocument);
            var output = await worker.Execute("ingest", Input(new { source = $"bench/doc-{d:D4}.md", text = Document(d, count) }));
            Interlocked.Add(ref ingested, output.GetProperty("sections").GetInt32());
        });
        var ingestSeconds = Stopwatch.GetElapsedTime(ingestStarted).TotalSeconds;
        await Console.Error.WriteLineAsync($"ingested {ingested} sections in {ingestSeconds:F1} s");

        var queries = Enumerable.Range(0, 1000).Select(i => Query(new Random(i))).ToArray();
        long found = 0;
        async Task<int> SearchAsync(int i) =>
            (await worker.Execute("search", Input(new { query = queries[i % queries.Length], limit = 10 }))).GetProperty("count").GetInt32();

        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < TimeSpan.FromSeconds(5); i++) { await SearchAsync(i); }

        var histograms = new LatencyHistogram[callers];
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        using (var stop = new CancellationTokenSource(args.Duration))
        {
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
            {
                var histogram = histograms[c] = new LatencyHistogram();
                for (var i = c; !stop.IsCancellationRequested; i += callers)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var hits = await SearchAsync(i);
                    histogram.Record(Stopwatch.GetTimestamp() - t0);
                    Interlocked.Add(ref found, hits);
                }
            })));
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = new LatencyHistogram();
        foreach (var h in histograms) { all.Add(h); }
        return new BenchmarkResult("documents-search", all.Count / elapsed, all.PercentileUs(50), all.PercentileUs(99))
            .With("sections", ingested)
            .With("documents", documents)
            .With("ingest_s", Math.Round(ingestSeconds, 1))
            .With("ingest_sections_per_sec", Math.Round(ingested / ingestSeconds))
            .With("searches", all.Count)
            .With("mean_results", all.Count == 0 ? 0 : (double)found / all.Count)
            .With("callers", callers)
            .With("cpu_us_per_search", cpu.MicrosecondsPer(all.Count));
    }

    private static JsonElement Input(object data) => JsonSerializer.SerializeToElement(new { data });

    /// <summary>Document <paramref name="d"/>: <paramref name="count"/> "## Section" headings, each over one paragraph.</summary>
    private static string Document(int d, int count)
    {
        var random = new Random(d);
        var text = new StringBuilder($"# Document {d}\n\n");
        for (var s = 0; s < count; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {Word(random)} {Word(random)} {s}\n\n");
            for (var w = 0; w < 40; w++) { text.Append(Word(random)).Append(w % 12 == 11 ? ". " : " "); }
            text.Append(".\n\n");
        }
        return text.ToString();
    }

    /// <summary>A word of the vocabulary, rank r drawn with probability ∝ 1/r (Zipf).</summary>
    private static string Word(Random random) => Name((int)Math.Floor(Math.Pow(Vocabulary, random.NextDouble())));

    /// <summary>One or two words of ranks 50..1000: in a few hundred sections each, as a specific search would be.</summary>
    private static string Query(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Name(random.Next(50, 1000))));

    /// <summary>The word of rank <paramref name="rank"/>: letters only (base 26), so the tokenizer keeps it whole.</summary>
    private static string Name(int rank)
    {
        var name = new StringBuilder();
        for (var n = rank + 26 * 26; n > 0; n /= 26) { name.Insert(0, (char)('a' + n % 26)); }
        return name.ToString();
    }
}
