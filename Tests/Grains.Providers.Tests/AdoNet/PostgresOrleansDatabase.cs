namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>A class fixture: one fresh database on the shared test server, with our Orleans schema applied.</summary>
public sealed class PostgresOrleansDatabase : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    private string? _connectionString;

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException($"{nameof(PostgresOrleansDatabase)} is not initialized yet.");

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        _connectionString = await _server.CreateDatabaseAsync();
        await PostgresOrleansSchema.ApplyAsync(_connectionString);
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    /// <summary>Runs a scalar query against the database, to look at what the providers stored.</summary>
    public Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        new PostgresProbe(ConnectionString).ScalarAsync<T>(sql, parameters);
}
