
namespace Rayswarm.Grains.Tests;

/// <summary>The workflow index contract against a real SQLite file, a new one for every test.</summary>
public sealed class SqliteWorkflowIndexStoreTests(SqliteKnowledgeStoreTests.Folder folder)
    : WorkflowIndexStoreContract, IClassFixture<SqliteKnowledgeStoreTests.Folder>
{
    private readonly string _path = folder.NewPath();

    protected override Task<IWorkflowIndexStore> CreateAsync() =>
        Task.FromResult<IWorkflowIndexStore>(new SqliteWorkflowIndexStore(new SqliteStorageOptions { DatabasePath = _path }));
}
