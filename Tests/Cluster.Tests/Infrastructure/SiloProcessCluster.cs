using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Base of multi-process tests: a fresh PostgreSQL database and cluster id per test, real Silo processes started on demand,
/// and their output written to the test log when the test ends (killed or not).
/// </summary>
public abstract class SiloProcessCluster(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    protected const string Secret = "multi-process-test-secret";

    protected string ClusterId { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    protected List<SiloProcess> Silos { get; } = [];

    protected string Database { get; private set; } = "";

    public async Task InitializeAsync() => Database = await postgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            output.WriteLine($"--- silo {silo.ProcessId} ---\n{silo.Output}");
            await silo.DisposeAsync();
        }
    }

    protected async Task StartSilosAsync(int count)
    {
        for (var i = 0; i < count; i++) { Silos.Add(await SiloProcess.StartAsync(Database, ClusterId, Secret)); }
    }

    protected Task<Runtime.Core.ClusterClient> ConnectAsync() => ClientFactory.ConnectAsync(Database, ClusterId, Secret);

    protected void Log(string line) => output.WriteLine(line);
}
