using Microsoft.Extensions.Options;
using Npgsql;

namespace Rayswarm.Grains.Providers;

/// <summary>One PostgreSQL database as the providers use it: a pooled data source and the schema, created on first use.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresDatabase(PostgresStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = PostgresStorageOptionsValidator.FindProblem(options);
        if (problem is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgresStorageOptions), [problem]);
        }

        _dataSource = PostgresDataSources.Create(options.ConnectionString!);
    }

    /// <summary>Opens a pooled connection once the schema exists.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(force: false, cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Creates the tables if missing; with <paramref name="force"/> even if this instance did so before.</summary>
    public async Task EnsureSchemaAsync(bool force, CancellationToken cancellationToken)
    {
        if (_schemaReady && !force) { return; }
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady && !force) { return; }
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                command.Parameters.AddWithValue("key", PostgresSchema.LockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand(PostgresSchema.Script, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
