using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Tests;

/// <summary>The knowledge store contract against a real SQLite file, a new one for every test.</summary>
public sealed class SqliteKnowledgeStoreTests(SqliteKnowledgeStoreTests.Folder folder) : KnowledgeStoreContract, IClassFixture<SqliteKnowledgeStoreTests.Folder>
{
    private readonly string _path = folder.NewPath();

    protected override Task<IKnowledgeStore> CreateAsync() =>
        Task.FromResult<IKnowledgeStore>(new SqliteKnowledgeStore(new SqliteStorageOptions { DatabasePath = _path }));

    [Fact]
    public async Task A_file_of_the_schema_before_reviews_gets_the_new_columns_and_keeps_its_contributions()
    {
        await using (var old = new SqliteConnection($"Data Source={_path}"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = SqliteKnowledgeSchema.Script + """
                INSERT INTO memory_contributions (contribution_id, domain_id, contribution_type, content, confidence, verifications,
                    rejections, verified_by, rejected_by, applications, successes, failures, created_at, updated_at)
                VALUES ('c_old', 'ai_domain', 'pattern', '{"tip":"old"}', 0.5, 0, 0, '[]', '[]', 0, 0, 0,
                    '2025-01-02T03:04:05.0000000Z', '2025-01-02T03:04:05.0000000Z');
                """;
            await command.ExecuteNonQueryAsync();
        }
        var store = await OpenAsync();

        var read = await store.GetAsync("c_old");
        Assert.NotNull(read);
        Assert.Equal((null, null, null, 0), (read.ContributedBy, read.ReviewStatus, read.SupersededBy, read.ExpertAccepts));
        await store.UpdateAsync(read with { ReviewStatus = "pending", ExpertAccepts = 1 });
        Assert.Equal(("pending", 1), ((await store.GetAsync("c_old"))!.ReviewStatus, (await store.GetAsync("c_old"))!.ExpertAccepts));
    }

    /// <summary>A temporary folder for this class's database files, deleted afterwards.</summary>
    public sealed class Folder : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "rayswarm-memory-" + Guid.NewGuid().ToString("N")[..12]);

        public Folder() => Directory.CreateDirectory(_folder);

        public string NewPath() => Path.Combine(_folder, $"{Guid.NewGuid():N}.db");

        public void Dispose()
        {
            // Pooled connections keep the files open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
