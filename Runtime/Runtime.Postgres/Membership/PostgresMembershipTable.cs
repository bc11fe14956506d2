using System.Data;
using Npgsql;
using NpgsqlTypes;
using Rayswarm.Runtime.Core;
using static Rayswarm.Runtime.Postgres.PostgresCommands;

namespace Rayswarm.Runtime.Postgres;

/// <summary>
/// The membership table of one cluster in PostgreSQL (tables <c>membership_version</c> and <c>membership</c>). Each
/// versioned write is one transaction: the compare-and-swap on the version row, then the row. A read is one
/// REPEATABLE READ transaction, so it sees one version and its rows.
/// </summary>
public sealed class PostgresMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private const string Columns = "host, port, generation, status, name, started_at, iamalive_at, suspicions";
    private const string RowFilter = "cluster_id = @cluster AND host = @host AND port = @port AND generation = @generation";

    private readonly PostgresDatabase _database;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates the table for <paramref name="clusterId"/> with its own connection pool; the schema is created by
    /// <see cref="InitializeAsync"/> or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options have no usable connection string.</exception>
    public PostgresMembershipTable(string clusterId, PostgresStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ClusterId = clusterId;
        _database = new PostgresDatabase(options);
    }

    /// <summary>The cluster whose rows this table reads and writes.</summary>
    public string ClusterId { get; }

    /// <inheritdoc />
    /// <remarks>Idempotent, and safe when several processes start at once (an advisory lock serializes the DDL).</remarks>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key)", [BigInt("key", PostgresSchema.LockKey)], cancellationToken);
            await ExecuteAsync(connection, PostgresMembershipSchema.Script, [], cancellationToken);
            await ExecuteAsync(connection, PostgresMembershipSchema.InsertVersion, [Cluster()], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var versionCommand = connection.Command("SELECT version FROM membership_version WHERE cluster_id = @cluster", Cluster());
        var version = (long)(await versionCommand.ExecuteScalarAsync(cancellationToken))!;
        await using var rowsCommand = connection.Command(
            $"SELECT {Columns} FROM membership WHERE cluster_id = @cluster ORDER BY host, port, generation", Cluster());
        var entries = new List<MembershipEntry>();
        await using (var reader = await rowsCommand.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) { entries.Add(ReadRow(reader)); }
        }

        await transaction.CommitAsync(cancellationToken);
        return new MembershipSnapshot(version, entries);
    }

    /// <inheritdoc />
    public Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return VersionedWriteAsync(
            expectedVersion,
            $"""
            INSERT INTO membership (cluster_id, {Columns})
            VALUES (@cluster, @host, @port, @generation, @status, @name, @started, @alive, @suspicions)
            ON CONFLICT (cluster_id, host, port, generation) DO NOTHING
            """,
            Row(entry),
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The I-am-alive time never moves backwards: the later of the stored and the given time is kept.</remarks>
    public Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return VersionedWriteAsync(
            expectedVersion,
            $"""
            UPDATE membership SET status = @status, name = @name, started_at = @started,
                iamalive_at = GREATEST(iamalive_at, @alive), suspicions = @suspicions
            WHERE {RowFilter}
            """,
            Row(entry),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"UPDATE membership SET iamalive_at = @alive WHERE {RowFilter}", [Cluster(), .. Key(silo), Time("alive", at)], cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A row's age is its I-am-alive time. The version is bumped only when a row was deleted.</remarks>
    public async Task CleanupDeadAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The version row first, as every versioned write locks it: the same lock order cannot deadlock.
        await ExecuteAsync(connection, "UPDATE membership_version SET version = version + 1 WHERE cluster_id = @cluster", [Cluster()], cancellationToken);
        var deleted = await ExecuteAsync(
            connection,
            "DELETE FROM membership WHERE cluster_id = @cluster AND status = @dead AND iamalive_at < @before",
            [Cluster(), Text("dead", nameof(SiloStatus.Dead)), Time("before", before)],
            cancellationToken);
        if (deleted > 0) { await transaction.CommitAsync(cancellationToken); }
        else { await transaction.RollbackAsync(cancellationToken); }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    private async Task<bool> VersionedWriteAsync(long expectedVersion, string sql, NpgsqlParameter[] row, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Both must change one row; otherwise disposing the transaction rolls the version back.
        if (await ExecuteAsync(connection, PostgresMembershipSchema.BumpVersion, [Cluster(), BigInt("expected", expectedVersion)], cancellationToken) != 1) { return false; }
        if (await ExecuteAsync(connection, sql, [Cluster(), .. row], cancellationToken) != 1) { return false; }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized) { await InitializeAsync(cancellationToken); }
        return await _database.OpenAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlParameter Cluster() => Text("cluster", ClusterId);

    private static NpgsqlParameter[] Key(SiloAddress silo) =>
        [Text("host", silo.Host), new("port", NpgsqlDbType.Integer) { Value = silo.Port }, BigInt("generation", silo.Generation)];

    private static NpgsqlParameter[] Row(MembershipEntry entry) =>
    [
        .. Key(entry.Silo),
        Text("status", entry.Status.ToString()),
        Text("name", entry.Name),
        Time("started", entry.StartedAt),
        Time("alive", entry.IAmAliveAt),
        Text("suspicions", SuspicionsJson.Write(entry.Suspicions)),
    ];

    private static MembershipEntry ReadRow(NpgsqlDataReader reader) => new(
        new SiloAddress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
        Enum.Parse<SiloStatus>(reader.GetString(3)),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        SuspicionsJson.Read(reader.GetString(7)));
}
