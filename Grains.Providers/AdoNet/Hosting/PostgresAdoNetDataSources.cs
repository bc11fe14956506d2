using System.Collections.Concurrent;
using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// One Npgsql data source per connection string for all ADO.NET providers of a host, sized by
/// <see cref="PostgresDataSources"/>; a DI singleton, so the pools close with the host.
/// </summary>
internal sealed class PostgresAdoNetDataSources : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> _sources = new(StringComparer.Ordinal);

    public NpgsqlDataSource Get(string connectionString) =>
        _sources.GetOrAdd(connectionString, static cs => new Lazy<NpgsqlDataSource>(() => PostgresDataSources.Create(cs))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated))
        {
            await source.Value.DisposeAsync();
        }
    }
}
