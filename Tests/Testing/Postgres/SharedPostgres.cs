namespace Rayswarm.Testing;

/// <summary>The one PostgreSQL server of this test process: the one named by RAYSWARM_TEST_POSTGRES, else a throwaway one.</summary>
public static class SharedPostgres
{
    /// <summary>Holds a connection string to a server's admin database (e.g. set by ./test.sh) to use instead of starting one.</summary>
    public const string EnvironmentVariable = "RAYSWARM_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> AdminConnectionString = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the shared server's admin database; the first call starts the server if needed.</summary>
    public static Task<string> GetAdminConnectionStringAsync() => AdminConnectionString.Value;

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) { return configured; }

        var server = await ThrowawayPostgres.StartAsync();
        // Test classes come and go; the server lives as long as the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server.ConnectionString;
    }
}
