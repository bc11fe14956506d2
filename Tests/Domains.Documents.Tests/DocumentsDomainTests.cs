using System.Text.Json;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Documents.Tests;

/// <summary>The documents domain hosted in a real silo, its sections in the shared memory's SQLite full-text index.</summary>
public sealed class DocumentsDomainTests : IAsyncLifetime
{
    private const string Handbook = """
        # Handbook

        Welcome to the operations handbook.

        ## Backups

        Backups run nightly. A backup is verified by restoring the backup to a scratch database, so every backup is tested.

        ## Upgrades

        Upgrades roll one silo at a time. Take a backup before an upgrade.
        """;

    private ModuleSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await ModuleSilo.StartAsync(s => s.AddDomainModule(new DocumentsModule()));

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Search_ranks_the_section_about_the_query_first_and_names_its_source()
    {
        var ingested = await Execute("ingest", new { source = "handbook.md", text = Handbook });

        var found = await Execute("search", new { query = "the backup" });

        Assert.Equal((3, 3), (ingested.GetProperty("sections").GetInt32(), ingested.GetProperty("headings").GetInt32()));
        Assert.Equal("markdown", ingested.GetProperty("format").GetString());
        Assert.Equal(["backup"], found.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        var results = found.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["Handbook > Backups", "Handbook > Upgrades"], results.Select(r => r.GetProperty("title").GetString()));
        Assert.All(results, r => Assert.Equal("handbook.md", r.GetProperty("source").GetString()));
        Assert.Equal(7, results[0].GetProperty("line").GetInt32());
        Assert.StartsWith("Backups run nightly.", results[0].GetProperty("passage").GetString(), StringComparison.Ordinal);
        Assert.True(results[0].GetProperty("score").GetDouble() > results[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Ingesting_a_source_again_replaces_its_sections_and_the_same_text_adds_nothing()
    {
        await Execute("ingest", new { source = "notes.txt", text = "Quasar alignment notes.\n\nSecond paragraph on quasar drift." });
        var same = await Execute("ingest", new { source = "notes.txt", text = "Quasar alignment notes.\n\nSecond paragraph on quasar drift." });
        var replaced = await Execute("ingest", new { source = "notes.txt", text = "Pulsar timing only." });

        Assert.True(same.GetProperty("unchanged").GetBoolean());
        Assert.Equal(1, replaced.GetProperty("replaced").GetInt32());
        Assert.Equal(0, (await Execute("search", new { query = "quasar" })).GetProperty("count").GetInt32());
        Assert.Equal(1, (await Execute("search", new { query = "pulsar" })).GetProperty("count").GetInt32());
        var page = await _silo.Memory.GetDomainContributions(DocumentsDomainGrain.DomainId, 0, 100);
        Assert.Equal(["Pulsar timing only."], page.Contributions.Select(c => c.Content.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Summarize_and_outline_read_an_ingested_source_and_survive_a_restart()
    {
        await Execute("ingest", new { source = "handbook.md", text = Handbook });

        await _silo.RestartAsync();

        var outline = await Execute("outline", new { source = "handbook.md" });
        var summary = await Execute("summarize", new { source = "handbook.md", sentences = 1 });
        Assert.Equal([(1, "Handbook", 1), (2, "Backups", 5), (2, "Upgrades", 9)], outline.GetProperty("headings").EnumerateArray()
            .Select(h => (h.GetProperty("level").GetInt32(), h.GetProperty("text").GetString(), h.GetProperty("line").GetInt32())));
        var sentence = Assert.Single(summary.GetProperty("sentences").EnumerateArray());
        Assert.Equal("A backup is verified by restoring the backup to a scratch database, so every backup is tested.", sentence.GetProperty("text").GetString());
        Assert.Equal(Summarizer.Scoring, summary.GetProperty("scoring").GetString());
    }

    [Fact]
    public async Task Compensating_an_ingest_removes_the_version_it_ingested()
    {
        var input = JsonSerializer.SerializeToElement(new { data = new { source = "undo.md", text = "# Undo\n\nZeppelin maintenance." } });
        var worker = await _silo.WorkerAsync(DocumentsDomainGrain.DomainId);
        var output = await worker.Execute("ingest", input);

        await worker.Compensate("ingest", input, output);

        Assert.Equal(0, (await Execute("search", new { query = "zeppelin" })).GetProperty("count").GetInt32());
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Execute("outline", new { source = "undo.md" }));
        Assert.Equal("source", error.ParamName);
    }

    [Theory]
    [InlineData("ingest", """{"source": "empty.md", "text": "  \n "}""", "text")]
    [InlineData("ingest", """{"text": "no source"}""", "source")]
    [InlineData("ingest", """{"source": "a", "text": 5}""", "text")]
    [InlineData("search", """{"query": " ... !"}""", "query")]
    [InlineData("search", """{"query": "x", "limit": 0}""", "limit")]
    [InlineData("summarize", """{"source": "never-ingested.md"}""", "source")]
    [InlineData("outline", """{}""", "source")]
    public async Task Bad_inputs_are_argument_errors_naming_the_field(string action, string arguments, string field)
    {
        var worker = await _silo.WorkerAsync(DocumentsDomainGrain.DomainId);
        var input = JsonSerializer.SerializeToElement(new { data = JsonDocument.Parse(arguments).RootElement });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => worker.Execute(action, input));

        Assert.Equal(field, error.ParamName);
    }

    private Task<JsonElement> Execute(string action, object arguments) => _silo.ExecuteAsync(DocumentsDomainGrain.DomainId, action, arguments);
}
