using Npgsql;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Looks at what the providers stored.</summary>
internal sealed class PostgresProbe(string connectionString)
{
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
