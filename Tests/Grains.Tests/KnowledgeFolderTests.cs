using System.Security.Cryptography;
using System.Text;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A module's knowledge folder in the shared memory: each Markdown file one contribution of the domain, loaded on
/// start, replaced when the file changes, retracted when it is deleted, and never duplicated (not by a second load, not
/// by a restart).</summary>
public sealed class KnowledgeFolderTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rayswarm-knowledge-").FullName;

    private string Knowledge => Path.Combine(_folder, "knowledge");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Knowledge, "sub"));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<ModuleSilo> StartAsync() => ModuleSilo.StartAsync(_folder, new Dictionary<string, string?>
    {
        ["domains"] = EchoModule.Id,
        [DomainModuleSelection.KnowledgeKey(EchoModule.Id)] = Knowledge,
    });

    private void Write(string path, string text) => File.WriteAllText(Path.Combine(Knowledge, path), text);

    /// <summary>The domain's knowledge contributions by path.</summary>
    private static async Task<Dictionary<string, Contribution>> KnowledgeAsync(DomainSilo silo) =>
        (await silo.Memory.GetDomainContributions(EchoModule.Id, 0, 100)).Contributions
            .Where(c => c.ContributionType == "knowledge")
            .ToDictionary(c => c.Content.GetProperty("path").GetString()!);

    /// <summary>The documented id: SHA-256("knowledge\n" + domain + "\n" + path + "\n" + SHA-256 of the bytes), 32 hex digits.</summary>
    private static string IdOf(string path, string text)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"knowledge\n{EchoModule.Id}\n{path}\n{sha}")))[..32];
    }

    [Fact]
    public async Task Files_are_contributed_on_start_with_stable_ids_and_a_restart_adds_no_duplicate()
    {
        Write("a.md", "# Alpha\n\nTimeouts need a deadline.\n");
        Write("sub/b.md", "No heading here.\n");
        await using (var silo = await StartAsync())
        {
            await Eventually.True(async () => (await KnowledgeAsync(silo)).Count == 2, "two knowledge contributions");
            var loaded = await KnowledgeAsync(silo);
            Assert.Equal((IdOf("a.md", "# Alpha\n\nTimeouts need a deadline.\n"), "Alpha"),
                (loaded["a.md"].ContributionId, loaded["a.md"].Content.GetProperty("title").GetString()));
            Assert.Equal((IdOf("sub/b.md", "No heading here.\n"), "b"),
                (loaded["sub/b.md"].ContributionId, loaded["sub/b.md"].Content.GetProperty("title").GetString()));
            var found = await silo.Memory.Query(new MemoryQuery("deadline", DomainId: EchoModule.Id));
            Assert.Equal([loaded["a.md"].ContributionId], found.Results.Select(r => r.Contribution.ContributionId));
        }

        Write("c.md", "# Gamma\n");
        await using (var again = await StartAsync())
        {
            // The load that brings c.md reads a.md and b.md as well.
            await Eventually.True(async () => (await KnowledgeAsync(again)).ContainsKey("c.md"), "c.md contributed after the restart");
            var after = await KnowledgeAsync(again);
            Assert.Equal(["a.md", "c.md", "sub/b.md"], after.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(IdOf("a.md", "# Alpha\n\nTimeouts need a deadline.\n"), after["a.md"].ContributionId);
            Assert.Equal(3, (await again.Memory.GetDomainContributions(EchoModule.Id, 0, 100)).Total);
        }
    }

    [Fact]
    public async Task A_changed_file_replaces_its_contribution_and_a_deleted_file_retracts_it()
    {
        Write("a.md", "# Alpha\nfirst version\n");
        Write("sub/b.md", "# Beta\n");
        await using var silo = await StartAsync();
        await Eventually.True(async () => (await KnowledgeAsync(silo)).Count == 2, "two knowledge contributions");
        var before = (await KnowledgeAsync(silo))["a.md"].ContributionId;

        Write("a.md", "# Alpha\nsecond version\n");
        await Eventually.True(async () => (await KnowledgeAsync(silo)).TryGetValue("a.md", out var a) && a.ContributionId != before, "a.md replaced");

        var changed = await KnowledgeAsync(silo);
        Assert.Equal(2, changed.Count);
        Assert.Equal(IdOf("a.md", "# Alpha\nsecond version\n"), changed["a.md"].ContributionId);
        Assert.Contains("second version", changed["a.md"].Content.GetProperty("text").GetString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => silo.Memory.Get(before));

        File.Delete(Path.Combine(Knowledge, "sub", "b.md"));
        await Eventually.True(async () => !(await KnowledgeAsync(silo)).ContainsKey("sub/b.md"), "b.md retracted");
        Assert.Equal(["a.md"], (await KnowledgeAsync(silo)).Keys);
    }

    [Fact]
    public async Task Syncing_the_same_documents_again_keeps_them_and_an_emptied_folder_retracts_them_all()
    {
        await using var silo = await StartAsync(); // the folder is empty: nothing loaded
        var grain = silo.Grains.GetGrain<IDomainKnowledgeGrain>("sync_domain");
        IReadOnlyList<KnowledgeDocument> documents =
        [
            KnowledgeFolder.Document("sync_domain", "one.md", Encoding.UTF8.GetBytes("# One\n")),
            KnowledgeFolder.Document("sync_domain", "two.md", Encoding.UTF8.GetBytes("# Two\n")),
        ];

        Assert.Equal(new KnowledgeSyncResult(2, 0, 0), await grain.Sync(documents));
        Assert.Equal(new KnowledgeSyncResult(0, 2, 0), await grain.Sync(documents));
        Assert.Equal(2, (await silo.Memory.GetDomainContributions("sync_domain", 0, 100)).Total);

        Assert.Equal(new KnowledgeSyncResult(0, 0, 2), await grain.Sync([]));
        Assert.Equal(0, (await silo.Memory.GetDomainContributions("sync_domain", 0, 100)).Total);
    }
}
