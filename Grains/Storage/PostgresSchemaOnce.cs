using Npgsql;

namespace Rayswarm.Grains;

/// <summary>Opens connections of a PostgreSQL store whose tables are created on first use: the first open runs the
/// store's idempotent schema script under a transaction-scoped advisory lock (so silos starting together do not race),
/// later opens skip it.</summary>
internal sealed class PostgresSchemaOnce(PostgresDatabase database, string script, long lockKey)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>An open connection, the schema created.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        if (_ready) { return connection; }
        try
        {
            await EnsureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready) { return; }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.Command("SELECT pg_advisory_xact_lock(@key)", PostgresCommands.BigInt("key", lockKey)))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var command = connection.Command(script))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
