using Microsoft.Data.Sqlite;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>
/// The membership table of one cluster in a SQLite file (tables <c>membership_version</c> and <c>membership</c>), for
/// silos that share a file. Each versioned write is one IMMEDIATE transaction: the compare-and-swap on the version row,
/// then the row; a read is one transaction too, so it sees one version and its rows.
/// </summary>
public sealed class SqliteMembershipTable : IMembershipTable
{
    private const string Columns = "host, port, generation, status, name, started_at, iamalive_at, suspicions";
    private const string RowFilter = "cluster_id = @cluster AND host = @host AND port = @port AND generation = @generation";

    private readonly SqliteDatabase _database;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates the table for <paramref name="clusterId"/>; the schema is created by <see cref="InitializeAsync"/> or on first use.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options name no database.</exception>
    public SqliteMembershipTable(string clusterId, SqliteStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ClusterId = clusterId;
        _database = new SqliteDatabase(options);
    }

    /// <summary>The cluster whose rows this table reads and writes.</summary>
    public string ClusterId { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeGate.WaitAsync(cancellationToken);
        try
        {
            await _database.WriteAsync(async (connection, ct) =>
            {
                // IMMEDIATE: the write lock first, so processes starting together queue up instead of failing.
                await using var transaction = connection.BeginTransaction(deferred: false);
                await connection.RunAsync(SqliteMembershipSchema.Script, ct, transaction);
                await ExecuteAsync(connection, transaction, SqliteMembershipSchema.InsertVersion, [], ct);
                await transaction.CommitAsync(ct);
                return true;
            }, cancellationToken);
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
        await EnsureInitializedAsync(cancellationToken);
        return await _database.ReadAsync(async (connection, ct) =>
        {
            // A deferred transaction reads one snapshot of the file (WAL), so the version matches the rows.
            await using var transaction = connection.BeginTransaction(deferred: true);
            await using var versionCommand = Command(connection, transaction, "SELECT version FROM membership_version WHERE cluster_id = @cluster", []);
            var version = (long)(await versionCommand.ExecuteScalarAsync(ct))!;
            await using var rowsCommand = Command(
                connection, transaction, $"SELECT {Columns} FROM membership WHERE cluster_id = @cluster ORDER BY host, port, generation", []);
            var entries = new List<MembershipEntry>();
            await using (var reader = await rowsCommand.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) { entries.Add(ReadRow(reader)); }
            }

            await transaction.CommitAsync(ct);
            return new MembershipSnapshot(version, entries);
        }, cancellationToken);
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
                iamalive_at = MAX(iamalive_at, @alive), suspicions = @suspicions
            WHERE {RowFilter}
            """,
            Row(entry),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        await EnsureInitializedAsync(cancellationToken);
        await _database.WriteAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"UPDATE membership SET iamalive_at = @alive WHERE {RowFilter}",
                [("@cluster", ClusterId), .. Key(silo), ("@alive", SqliteCommands.FormatTime(at))]);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A row's age is its I-am-alive time. The version is bumped only when a row was deleted.</remarks>
    public async Task CleanupDeadAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var deleted = await ExecuteAsync(
                connection, transaction,
                "DELETE FROM membership WHERE cluster_id = @cluster AND status = @dead AND iamalive_at < @before",
                [("@dead", nameof(SiloStatus.Dead)), ("@before", SqliteCommands.FormatTime(before))],
                ct);
            if (deleted > 0)
            {
                await ExecuteAsync(connection, transaction, "UPDATE membership_version SET version = version + 1 WHERE cluster_id = @cluster", [], ct);
            }

            await transaction.CommitAsync(ct);
            return deleted;
        }, cancellationToken);
    }

    private async Task<bool> VersionedWriteAsync(long expectedVersion, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await _database.WriteAsync(async (connection, ct) =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            // Both must change one row; otherwise disposing the transaction rolls the version back.
            if (await ExecuteAsync(connection, transaction, SqliteMembershipSchema.BumpVersion, [("@expected", expectedVersion)], ct) != 1) { return false; }
            if (await ExecuteAsync(connection, transaction, sql, parameters, ct) != 1) { return false; }
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (!_initialized) { await InitializeAsync(cancellationToken); }
    }

    private async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, (string, object?)[] parameters)
    {
        var command = connection.Command(sql, [("@cluster", ClusterId), .. parameters]);
        command.Transaction = transaction;
        return command;
    }

    private static (string, object?)[] Key(SiloAddress silo) =>
        [("@host", silo.Host), ("@port", (long)silo.Port), ("@generation", silo.Generation)];

    private static (string, object?)[] Row(MembershipEntry entry) =>
    [
        .. Key(entry.Silo),
        ("@status", entry.Status.ToString()),
        ("@name", entry.Name),
        ("@started", SqliteCommands.FormatTime(entry.StartedAt)),
        ("@alive", SqliteCommands.FormatTime(entry.IAmAliveAt)),
        ("@suspicions", SuspicionsJson.Write(entry.Suspicions)),
    ];

    private static MembershipEntry ReadRow(SqliteDataReader reader) => new(
        new SiloAddress(reader.GetString(0), checked((int)reader.GetInt64(1)), reader.GetInt64(2)),
        Enum.Parse<SiloStatus>(reader.GetString(3)),
        reader.GetString(4),
        SqliteCommands.ParseTime(reader.GetString(5)),
        SqliteCommands.ParseTime(reader.GetString(6)),
        SuspicionsJson.Read(reader.GetString(7)));
}
