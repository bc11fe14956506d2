using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Postgres;
using Rayswarm.Testing;

namespace Rayswarm.Runtime.Storage.Tests;

public sealed class PostgresGrainDirectoryTests(PostgresServer server) : GrainDirectoryContract, IClassFixture<PostgresServer>
{
    private string _connectionString = string.Empty;

    public override async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    protected override Task<IGrainDirectory> CreateAsync() => Task.FromResult<IGrainDirectory>(new PostgresGrainDirectory(_connectionString, "test"));

    [Fact]
    public async Task Two_clusters_in_one_database_have_separate_directories()
    {
        var grain = TestGrains.Unique();
        var a = new PostgresGrainDirectory(_connectionString, "one");
        var b = new PostgresGrainDirectory(_connectionString, "two");
        await a.InitializeAsync(None);
        await b.InitializeAsync(None);
        var inA = new GrainAddress(grain, new SiloAddress("127.0.0.1", 1, 1), 1);
        var inB = new GrainAddress(grain, new SiloAddress("127.0.0.1", 2, 1), 2);

        Assert.Equal(inA, await a.RegisterAsync(inA, null, None));
        Assert.Equal(inB, await b.RegisterAsync(inB, null, None));
    }
}
