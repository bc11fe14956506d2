using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Both silos on one SQLite file (safe in one process: the file's writers queue on one gate).</summary>
public sealed class SqliteClusterFixture : ClusterFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rayswarm-streams-" + Guid.NewGuid().ToString("N")[..12]);

    protected override Task<Func<IServiceProvider, IStreamLog>> CreateLogAsync()
    {
        var path = Path.Combine(_folder, "events.db");
        return Task.FromResult<Func<IServiceProvider, IStreamLog>>(_ => new SqliteStreamLog(new SqliteStorageOptions { DatabasePath = path }));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) { Directory.Delete(_folder, recursive: true); }
    }
}
