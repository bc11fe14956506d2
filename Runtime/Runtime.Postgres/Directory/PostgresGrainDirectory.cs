using Npgsql;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;
using static Rayswarm.Runtime.Postgres.PostgresCommands;

namespace Rayswarm.Runtime.Postgres;

/// <summary>
/// The grain directory as a PostgreSQL table with one row per grain (the primary key is the single-activation
/// guarantee). Registering is one statement: insert, or take over a row that is exactly the expected (dead) one.
/// </summary>
public sealed class PostgresGrainDirectory : IGrainDirectory, IAsyncDisposable
{
    private const long SchemaLockKey = 0x5261_7973_4469_7200; // "RaysDir"
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_directory (
            cluster_id text NOT NULL,
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            silo text NOT NULL,
            activation_id bigint NOT NULL,
            registered_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (cluster_id, grain_type, grain_key)
        );
        CREATE INDEX IF NOT EXISTS grain_directory_silo ON grain_directory (cluster_id, silo);
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    /// <summary>Creates the directory of one cluster in the database of <paramref name="connectionString"/>.</summary>
    public PostgresGrainDirectory(string connectionString, string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        _dataSource = PostgresDataSources.Create(connectionString);
        _clusterId = clusterId;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.Add(BigInt("key", SchemaLockKey));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var create = new NpgsqlCommand(Schema, connection, transaction)) { await create.ExecuteNonQueryAsync(cancellationToken); }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, grainId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await using (var upsert = connection.Command(
                """
                INSERT INTO grain_directory (cluster_id, grain_type, grain_key, silo, activation_id)
                VALUES (@cluster, @type, @key, @silo, @activation)
                ON CONFLICT (cluster_id, grain_type, grain_key) DO UPDATE
                    SET silo = EXCLUDED.silo, activation_id = EXCLUDED.activation_id, registered_at = now()
                    WHERE grain_directory.silo = @old_silo AND grain_directory.activation_id = @old_activation
                RETURNING silo
                """,
                Text("cluster", _clusterId), Text("type", address.GrainId.Type), Text("key", address.GrainId.Key),
                Text("silo", address.Silo.ToString()), BigInt("activation", address.ActivationId),
                Text("old_silo", replace?.Silo.ToString() ?? ""), BigInt("old_activation", replace?.ActivationId ?? 0)))
            {
                if (await upsert.ExecuteScalarAsync(cancellationToken) is string) { return address; }
            }
            // Someone else holds the row; it may vanish before we read it, then try again.
            if (await ReadAsync(connection, address.GrainId, cancellationToken) is { } current) { return current; }
        }
    }

    /// <inheritdoc />
    public async Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var delete = connection.Command(
            "DELETE FROM grain_directory WHERE cluster_id = @cluster AND grain_type = @type AND grain_key = @key AND silo = @silo AND activation_id = @activation",
            Text("cluster", _clusterId), Text("type", address.GrainId.Type), Text("key", address.GrainId.Key),
            Text("silo", address.Silo.ToString()), BigInt("activation", address.ActivationId));
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var delete = connection.Command(
            "DELETE FROM grain_directory WHERE cluster_id = @cluster AND silo = @silo", Text("cluster", _clusterId), Text("silo", silo.ToString()));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<GrainAddress?> ReadAsync(NpgsqlConnection connection, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var select = connection.Command(
            "SELECT silo, activation_id FROM grain_directory WHERE cluster_id = @cluster AND grain_type = @type AND grain_key = @key",
            Text("cluster", _clusterId), Text("type", grainId.Type), Text("key", grainId.Key));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new GrainAddress(grainId, SiloAddress.Parse(reader.GetString(0)), reader.GetInt64(1))
            : null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
