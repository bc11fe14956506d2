namespace Rayswarm.Grains.Tests;

/// <summary>The review store contract against a real SQLite file, a new one for every test.</summary>
public sealed class SqliteReviewStoreTests(SqliteKnowledgeStoreTests.Folder folder) : ReviewStoreContract, IClassFixture<SqliteKnowledgeStoreTests.Folder>
{
    private readonly string _path = folder.NewPath();

    protected override Task<IReviewStore> CreateAsync() =>
        Task.FromResult<IReviewStore>(new SqliteReviewStore(new SqliteStorageOptions { DatabasePath = _path }));
}
